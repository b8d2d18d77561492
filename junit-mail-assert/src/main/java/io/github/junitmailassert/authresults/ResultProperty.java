package io.github.junitmailassert.authresults;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One property of a method result, such as {@code smtp.mailfrom=sample.co.jp} or {@code header.d=sample.co.jp}
 * (RFC 8601 section 2.2 {@code propspec}).
 *
 * @param ptype the property type: {@code smtp}, {@code header}, {@code body}, {@code policy}
 * @param property the property within the type: {@code mailfrom}, {@code d}, {@code from}, ...
 * @param value the value, unquoted
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ResultProperty(String ptype, String property, String value) {

  /**
   * A property, its value as it is (quoting is done when it is written).
   *
   * <pre>{@code
   * new ResultProperty("header", "i", "@sample.co.jp").toString(); // header.i=@sample.co.jp
   * }</pre>
   *
   * @param ptype the property type, such as {@code smtp} or {@code header}
   * @param property the property, such as {@code mailfrom} or {@code d}
   * @param value the property's value
   */
  public ResultProperty {
    Objects.requireNonNull(ptype, "ptype");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
  }

  /**
   * {@return {@code ptype.property}}
   *
   * <pre>{@code
   * new ResultProperty("header", "from", "sample.co.jp").name(); // header.from
   * }</pre>
   */
  public String name() {
    return ptype + "." + property;
  }

  /**
   * The property as written in a field: the value bare when it is a token, an address or a domain
   * name (RFC 8601 section 2.2), else quoted.
   *
   * <pre>{@code
   * new ResultProperty("smtp", "mailfrom", "info@sample.co.jp").toString(); // smtp.mailfrom=info@sample.co.jp
   * new ResultProperty("header", "b", "ab/+cd=e").toString();               // header.b="ab/+cd=e"
   * }</pre>
   */
  @Override
  public String toString() {
    return name() + "=" + AuthResSyntax.pvalue(value);
  }
}
