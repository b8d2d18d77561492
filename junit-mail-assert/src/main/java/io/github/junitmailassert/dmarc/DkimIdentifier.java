package io.github.junitmailassert.dmarc;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One DKIM signature's outcome as DMARC needs it: its signing domain ({@code d=}), its selector
 * ({@code s=}) and whether it verified. Only a signature that verified can align.
 *
 * @param domain the {@code d=} domain
 * @param selector the {@code s=} selector, empty when unknown
 * @param passed whether the signature verified ({@code dkim=pass})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DkimIdentifier(String domain, String selector, boolean passed) {

  /**
   * Checks the components.
   *
   * @param domain see {@link #domain()}
   * @param selector see {@link #selector()}
   * @param passed see {@link #passed()}
   */
  public DkimIdentifier {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
  }

  /**
   * {@return a signature of {@code domain} that verified}
   *
   * @param domain the signature's d= domain
   */
  public static DkimIdentifier pass(String domain) {
    return new DkimIdentifier(domain, "", true);
  }

  /**
   * {@return a signature of {@code domain} that did not verify}
   *
   * @param domain the signature's d= domain
   */
  public static DkimIdentifier fail(String domain) {
    return new DkimIdentifier(domain, "", false);
  }
}
