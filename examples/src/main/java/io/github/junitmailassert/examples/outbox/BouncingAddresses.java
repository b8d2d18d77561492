package io.github.junitmailassert.examples.outbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The application's record of addresses that bounced (in a real one, a column of the users table). */
public final class BouncingAddresses {

  private final Map<String, String> reasons = new ConcurrentHashMap<>();

  /** Marks {@code address} as bouncing, with the receiver's reply. */
  public void mark(String address, String reply) {
    reasons.put(address.toLowerCase(Locale.ROOT), reply);
  }

  public boolean isBouncing(String address) {
    return reasons.containsKey(address.toLowerCase(Locale.ROOT));
  }

  /** The reply that made the address bounce. */
  public Optional<String> reason(String address) {
    return Optional.ofNullable(reasons.get(address.toLowerCase(Locale.ROOT)));
  }
}
