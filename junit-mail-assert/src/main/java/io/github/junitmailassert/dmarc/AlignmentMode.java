package io.github.junitmailassert.dmarc;

import org.apiguardian.api.API;

/** How closely an authenticated domain must match the From domain ({@code adkim}, {@code aspf}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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
