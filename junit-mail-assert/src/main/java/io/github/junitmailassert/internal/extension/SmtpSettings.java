package io.github.junitmailassert.internal.extension;

import io.github.junitmailassert.mail.SmtpFaults;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How the capture server answers: TLS required or implicit, and the faults every test starts with
 * (the builder's; the annotation declares none). Internal.
 *
 * @param requireTls whether {@code MAIL} in the clear is refused with {@code 530 5.7.0}
 * @param implicitTls whether the server speaks TLS from the first byte (SMTPS)
 * @param faults sets the faults each test starts with
 */
@API(status = API.Status.INTERNAL)
public record SmtpSettings(boolean requireTls, boolean implicitTls, Consumer<SmtpFaults> faults) {

  /** Accepts everything, STARTTLS offered, no faults. */
  public static final SmtpSettings DEFAULT = new SmtpSettings(false, false, f -> { });

  /** Checks that nothing is null. */
  public SmtpSettings {
    Objects.requireNonNull(faults, "faults");
  }

  /** Refuses settings that cannot work, naming the attribute. */
  public void validate() {
    if (requireTls && implicitTls) {
      throw new ExtensionConfigurationException("requireTls with implicitTls requires nothing: with implicit TLS every"
          + " connection is TLS from the first byte, so leave requireTls off");
    }
    declaredFaults(new SmtpFaults());
  }

  /** Sets the declared faults on {@code faults}; a fault the builder declared badly names itself. */
  public SmtpFaults declaredFaults(SmtpFaults target) {
    try {
      faults.accept(target);
      return target;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ExtensionConfigurationException("faults: " + e.getMessage(), e);
    }
  }
}
