package io.github.junitmailassert.internal.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A digest that records what it is fed, so tests can read the canonical form itself. */
final class RecordingDigest extends MessageDigest {

  private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

  RecordingDigest() {
    super("recording");
  }

  /** What was fed so far, one char per octet. */
  String seen() {
    return seen.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  protected void engineUpdate(byte input) {
    seen.write(input);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    seen.write(input, offset, len);
  }

  @Override
  protected byte[] engineDigest() {
    return new byte[0];
  }

  @Override
  protected void engineReset() {}
}
