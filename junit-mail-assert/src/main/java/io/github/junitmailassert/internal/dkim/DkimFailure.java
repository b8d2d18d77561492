package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.dkim.DkimResultCode;
import org.apiguardian.api.API;

/**
 * Ends the verification of one signature with a result other than pass. An exception only inside
 * this package: the verifier turns it into a result, it never leaves the public API. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class DkimFailure extends Exception {

  private final DkimResultCode result;

  public DkimFailure(DkimResultCode result, String reason) {
    super(reason, null, false, false);
    this.result = result;
  }

  public static DkimFailure permerror(String reason) {
    return new DkimFailure(DkimResultCode.PERMERROR, reason);
  }

  public static DkimFailure fail(String reason) {
    return new DkimFailure(DkimResultCode.FAIL, reason);
  }

  public static DkimFailure temperror(String reason) {
    return new DkimFailure(DkimResultCode.TEMPERROR, reason);
  }

  public DkimResultCode result() {
    return result;
  }

  public String reason() {
    return getMessage();
  }
}
