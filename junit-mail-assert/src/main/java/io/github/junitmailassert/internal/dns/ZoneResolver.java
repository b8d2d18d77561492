package io.github.junitmailassert.internal.dns;

import io.github.junitmailassert.dns.DnsZone;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TSIG;

/**
 * A dnsjava {@link Resolver} that answers from a {@link DnsZone} in process: no socket, no cache,
 * no static state. A simulated timeout fails at once with {@link SocketTimeoutException}. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class ZoneResolver implements Resolver {

  private final DnsZone zone;
  private Duration timeout = Duration.ofSeconds(5);

  public ZoneResolver(DnsZone zone) {
    this.zone = zone;
  }

  public DnsZone zone() {
    return zone;
  }

  @Override
  public Message send(Message query) throws SocketTimeoutException {
    Message response = ZoneMessages.respond(zone, query);
    if (response == null) {
      throw new SocketTimeoutException("the fake zone simulates a timeout for " + query.getQuestion().getName());
    }
    return response;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, Runnable::run);
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    try {
      return CompletableFuture.completedFuture(send(query));
    } catch (SocketTimeoutException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  // The settings below concern the wire; there is none.
  @Override
  public void setPort(int port) {}

  @Override
  public void setTCP(boolean flag) {}

  @Override
  public void setIgnoreTruncation(boolean flag) {}

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

  @Override
  public void setTSIGKey(TSIG key) {}

  @Override
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "ZoneResolver (in process)";
  }
}
