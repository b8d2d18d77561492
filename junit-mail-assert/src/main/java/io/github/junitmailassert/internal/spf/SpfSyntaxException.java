package io.github.junitmailassert.internal.spf;

import org.apiguardian.api.API;

/**
 * A syntax error in an SPF record, with the offset where it was found. Thrown only inside the
 * internal parser and always turned into a permerror or a lint finding. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpfSyntaxException extends RuntimeException {

  private final int position;

  public SpfSyntaxException(int position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  /** Offset of the problem in the text that was parsed. */
  public int position() {
    return position;
  }

  /** The same error moved by {@code offset}, when the parsed text was part of a larger one. */
  public SpfSyntaxException shifted(int offset) {
    return new SpfSyntaxException(position + offset, getMessage());
  }
}
