package io.github.junitmailassert.internal.dmarc;

import io.github.junitmailassert.dmarc.AlignmentMode;
import io.github.junitmailassert.dmarc.DmarcMode;
import io.github.junitmailassert.dmarc.DmarcPolicy;
import io.github.junitmailassert.dmarc.DmarcRecord;
import io.github.junitmailassert.internal.syntax.TagListParser;
import io.github.junitmailassert.internal.syntax.TagListParser.Part;
import io.github.junitmailassert.internal.syntax.TagListParser.Problem;
import io.github.junitmailassert.internal.syntax.TagListParser.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * Reads the text of a {@code _dmarc} TXT record the way RFC 9989 section 4.7/4.8 (or RFC 7489
 * section 6.3) asks: the first tag must be {@code v=DMARC1} or the record is not a DMARC record;
 * unknown tags are ignored; a syntax error in the rest is ignored in favour of the default; a tag
 * named twice makes the tag-list invalid (RFC 6376 section 3.2, whose syntax DMARC records follow).
 * The tag-list is read by the shared {@link TagListParser} in its DMARC dialect. Never throws; linear
 * in the length of the text. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class DmarcRecordParser {

  /** What a receiver makes of one TXT record. */
  @API(status = API.Status.INTERNAL)
  public sealed interface Outcome permits NotDmarc, Parsed {}

  /** The record is not a DMARC record and is discarded (RFC 9989 section 4.10 step 2). */
  @API(status = API.Status.INTERNAL)
  public record NotDmarc(String reason) implements Outcome {}

  /**
   * A DMARC record.
   *
   * @param policyUsable {@code p} is valid and {@code sp}/{@code np} are valid where present;
   *     otherwise RFC 9989 section 4.10.1 applies ({@code p=none} with a valid {@code rua}, else no DMARC)
   * @param hasValidReportUri {@code rua} holds at least one syntactically valid URI
   */
  @API(status = API.Status.INTERNAL)
  public record Parsed(DmarcRecord record, boolean policyUsable, boolean hasValidReportUri) implements Outcome {}

  private static final int MAX_PROBLEMS = 8;
  private static final int SHOWN = 40;

  private DmarcRecordParser() {}

  public static Outcome parse(String domain, String text, DmarcMode mode) {
    TagListParser.Result tagList = TagListParser.parse(text, TagListParser.Dialect.DMARC);
    List<Part> parts = tagList.parts();
    if (parts.isEmpty() || !isVersionTag(parts.get(0))) {
      return new NotDmarc("the record does not start with v=DMARC1: \"" + shorten(text) + "\"");
    }
    boolean bis = mode == DmarcMode.RFC9989;
    List<String> problems = new ArrayList<>();
    Optional<DmarcPolicy> p = Optional.empty();
    Optional<DmarcPolicy> sp = Optional.empty();
    Optional<DmarcPolicy> np = Optional.empty();
    boolean policyUsable = true;
    boolean hasP = false;
    DmarcRecord.Psd psd = DmarcRecord.Psd.U;
    AlignmentMode adkim = AlignmentMode.RELAXED;
    AlignmentMode aspf = AlignmentMode.RELAXED;
    boolean testing = false;
    List<String> rua = List.of();
    List<String> ruf = List.of();
    OptionalInt pct = OptionalInt.empty();
    for (int i = 1; i < parts.size(); i++) {
      if (parts.get(i) instanceof Problem problem) {
        if (problem.kind() == TagListParser.Kind.DUPLICATE) {
          return new NotDmarc("the tag " + shorten(problem.name().toLowerCase(Locale.ROOT))
              + " appears more than once, which makes the record invalid"
              + " (RFC 6376 section 3.2 tag-list syntax, which DMARC records follow)");
        }
        problem(problems, "\"" + shorten(tagList.textOf(problem)) + "\" is not a tag=value pair and was ignored");
        continue;
      }
      Tag tag = (Tag) parts.get(i);
      String name = tag.name().toLowerCase(Locale.ROOT);
      String value = tag.value();
      if (!isPrintable(value)) {
        problem(problems, "the value of " + shorten(name) + " holds characters outside printable ASCII and was ignored");
        if (name.equals("p") || name.equals("sp") || (bis && name.equals("np"))) {
          policyUsable = false;
        }
        continue;
      }
      switch (name) {
        case "p" -> {
          hasP = true;
          p = DmarcPolicy.fromKeyword(value);
          if (p.isEmpty()) {
            policyUsable = false;
            problem(problems, "p=" + shorten(value) + " is not none, quarantine or reject");
          }
        }
        case "sp" -> {
          sp = DmarcPolicy.fromKeyword(value);
          if (sp.isEmpty()) {
            policyUsable = false;
            problem(problems, "sp=" + shorten(value) + " is not none, quarantine or reject");
          }
        }
        case "adkim", "aspf" -> {
          AlignmentMode m = value.equalsIgnoreCase("s") ? AlignmentMode.STRICT
              : value.equalsIgnoreCase("r") ? AlignmentMode.RELAXED : null;
          if (m == null) {
            problem(problems, name + "=" + shorten(value) + " is not r or s; relaxed applies");
          } else if (name.equals("adkim")) {
            adkim = m;
          } else {
            aspf = m;
          }
        }
        case "rua" -> rua = uris(value);
        case "ruf" -> ruf = uris(value);
        case "fo", "rf", "ri" -> {
          if (bis && !name.equals("fo")) {
            problem(problems, name + "= was ignored: RFC 9989 removed it");
          }
        }
        case "np" -> {
          if (bis) {
            np = DmarcPolicy.fromKeyword(value);
            if (np.isEmpty()) {
              policyUsable = false;
              problem(problems, "np=" + shorten(value) + " is not none, quarantine or reject");
            }
          } else {
            problem(problems, "np= was ignored: it is not part of RFC 7489");
          }
        }
        case "psd" -> {
          if (bis) {
            switch (value.toLowerCase(Locale.ROOT)) {
              case "y" -> psd = DmarcRecord.Psd.Y;
              case "n" -> psd = DmarcRecord.Psd.N;
              case "u" -> psd = DmarcRecord.Psd.U;
              default -> problem(problems, "psd=" + shorten(value) + " is not y, n or u; u applies");
            }
          } else {
            problem(problems, "psd= was ignored: it is not part of RFC 7489");
          }
        }
        case "t" -> {
          if (bis) {
            if (value.equalsIgnoreCase("y")) {
              testing = true;
            } else if (!value.equalsIgnoreCase("n")) {
              problem(problems, "t=" + shorten(value) + " is not y or n; n applies");
            }
          } else {
            problem(problems, "t= was ignored: it is not part of RFC 7489");
          }
        }
        case "pct" -> {
          if (bis) {
            problem(problems, "pct=" + shorten(value) + " was ignored: RFC 9989 removed pct");
          } else {
            int v = percent(value);
            if (v < 0) {
              problem(problems, "pct=" + shorten(value) + " is not a number from 0 to 100; 100 applies");
            } else {
              pct = OptionalInt.of(v);
            }
          }
        }
        default -> problem(problems, "the unknown tag " + shorten(name) + " was ignored");
      }
    }
    if (!hasP) {
      policyUsable = false;
      problem(problems, "the record has no p tag");
    }
    boolean validRua = false;
    for (String uri : rua) {
      validRua |= isValidUri(uri);
    }
    DmarcRecord record = new DmarcRecord(
        domain, text, p, sp, np, psd, adkim, aspf, testing, rua, ruf, pct, problems);
    return new Parsed(record, policyUsable, validRua);
  }

  private static boolean isVersionTag(Part first) {
    return first instanceof Tag t && t.segment() == 0 && t.name().equalsIgnoreCase("v") && t.value().equals("DMARC1");
  }

  private static List<String> uris(String value) {
    List<String> uris = new ArrayList<>();
    for (String u : value.split(",", -1)) {
      String t = trimWsp(u);
      if (!t.isEmpty() && uris.size() < 100) {
        uris.add(t);
      }
    }
    return uris;
  }

  private static boolean isValidUri(String uri) {
    int bang = uri.indexOf('!'); // obsolete size suffix, ignored (RFC 9989 section 4.8)
    String u = bang >= 0 ? uri.substring(0, bang) : uri;
    try {
      URI parsed = new URI(u);
      return parsed.getScheme() != null && parsed.getSchemeSpecificPart() != null
          && !parsed.getSchemeSpecificPart().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int percent(String value) {
    if (value.isEmpty() || value.length() > 3) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= 100 ? v : -1;
  }

  private static void problem(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    } else if (problems.size() == MAX_PROBLEMS) {
      problems.add("further problems were not listed");
    }
  }

  private static boolean isPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  static String trimWsp(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Text for a reason: at most a few dozen characters, controls shown as '?'. */
  static String shorten(String s) {
    String t = s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
    char[] shown = null; // made only for a value with controls: nearly every one has none
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        shown = shown == null ? t.toCharArray() : shown;
        shown[i] = '?';
      }
    }
    return shown == null ? t : new String(shown);
  }
}
