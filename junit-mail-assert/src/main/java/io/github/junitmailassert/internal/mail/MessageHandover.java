package io.github.junitmailassert.internal.mail;

import io.github.junitmailassert.mail.CapturedMail;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * Hands a received message's bytes to {@link CapturedMail} without a copy: a large mail then exists
 * once in memory, not twice. {@code CapturedMail} registers the one function that may do this; the
 * public builder keeps copying. Here, in the mail model's engine, so that the model depends on no
 * server. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class MessageHandover {

  private static volatile BiFunction<CapturedMail.Builder, byte[], CapturedMail.Builder> adopter;

  private MessageHandover() {}

  /** Called once, by {@code CapturedMail}. */
  public static synchronized void register(BiFunction<CapturedMail.Builder, byte[], CapturedMail.Builder> adopt) {
    if (adopter != null) {
      throw new IllegalStateException("the message handover is registered already");
    }
    adopter = adopt;
  }

  /** Sets the builder's message to {@code message}, which the caller gives up: the capture server's call. */
  public static CapturedMail.Builder adopt(CapturedMail.Builder builder, byte[] message) {
    return adopter.apply(builder, message); // set: making the builder initialised CapturedMail
  }
}
