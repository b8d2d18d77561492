package io.github.junitmailassert.authresults;

import java.util.Objects;

/**
 * One property of a method result, such as {@code smtp.mailfrom=sample.co.jp} or {@code header.d=sample.co.jp}
 * (RFC 8601 section 2.2 {@code propspec}).
 *
 * @param ptype the property type: {@code smtp}, {@code header}, {@code body}, {@code policy}
 * @param property the property within the type: {@code mailfrom}, {@code d}, {@code from}, ...
 * @param value the value, unquoted
 */
public record ResultProperty(String ptype, String property, String value) {

  public ResultProperty {
    Objects.requireNonNull(ptype, "ptype");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
  }

  /** {@code ptype.property}, e.g. {@code header.from}. */
  public String name() {
    return ptype + "." + property;
  }

  @Override
  public String toString() {
    return name() + "=" + MethodResult.valueText(value);
  }
}
