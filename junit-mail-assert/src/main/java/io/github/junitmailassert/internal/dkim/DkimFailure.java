package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.dkim.DkimResult;

/**
 * Ends the verification of one signature with a result other than pass. An exception only inside
 * this package: the verifier turns it into a result, it never leaves the public API. Internal.
 */
public final class DkimFailure extends Exception {

  private final DkimResult result;

  public DkimFailure(DkimResult result, String reason) {
    super(reason, null, false, false);
    this.result = result;
  }

  public static DkimFailure permerror(String reason) {
    return new DkimFailure(DkimResult.PERMERROR, reason);
  }

  public static DkimFailure fail(String reason) {
    return new DkimFailure(DkimResult.FAIL, reason);
  }

  public static DkimFailure temperror(String reason) {
    return new DkimFailure(DkimResult.TEMPERROR, reason);
  }

  public DkimResult result() {
    return result;
  }

  public String reason() {
    return getMessage();
  }
}
