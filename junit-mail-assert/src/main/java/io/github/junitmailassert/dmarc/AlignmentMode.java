package io.github.junitmailassert.dmarc;

/** How closely an authenticated domain must match the From domain ({@code adkim}, {@code aspf}). */
public enum AlignmentMode {
  /** Same organizational domain is enough: {@code mail.example.com} aligns with {@code example.com}. The default. */
  RELAXED,
  /** The domains must be identical (case-insensitive). */
  STRICT;

  /** {@return the value as written in a DMARC record: {@code r} or {@code s}} */
  public String keyword() {
    return this == RELAXED ? "r" : "s";
  }
}
