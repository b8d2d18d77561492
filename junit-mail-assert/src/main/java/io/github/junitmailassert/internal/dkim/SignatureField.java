package io.github.junitmailassert.internal.dkim;

import io.github.junitmailassert.internal.mail.Domains;
import io.github.junitmailassert.internal.mail.HeaderField;
import io.github.junitmailassert.internal.mail.Octets;
import io.github.junitmailassert.internal.syntax.TagListParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One DKIM-Signature field, read and checked as RFC 6376 section 6.1.1 asks. Reading never throws
 * past {@link #check}: a field that is not a valid tag-list yields empty tags. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SignatureField {

  /** The longest {@code t=}/{@code x=} RFC 6376 allows: 12 digits. */
  private static final int MAX_TIME_DIGITS = 12;

  private final HeaderField field;
  private final String text;
  private final TagList tags;
  private final DkimFailure syntaxError;

  private SignatureField(HeaderField field, String text, TagList tags, DkimFailure syntaxError) {
    this.field = field;
    this.text = text;
    this.tags = tags;
    this.syntaxError = syntaxError;
  }

  public static SignatureField read(HeaderField field) {
    String text = new String(field.raw(), StandardCharsets.ISO_8859_1);
    int colon = text.indexOf(':');
    int valueOffset = colon < 0 ? text.length() : colon + 1;
    try {
      // One scan of the whole field for control octets, instead of one per tag value.
      boolean checkControls = Octets.hasControlOctet(field.raw());
      return new SignatureField(field, text,
          TagList.parse(text, valueOffset, "the DKIM-Signature field", checkControls), null);
    } catch (DkimFailure e) {
      return new SignatureField(field, text, null, e);
    }
  }

  /** A tag's value as written, or "" when absent or unreadable; for the result's fields. */
  public String raw(String name) {
    return tags == null ? "" : tags.value(name).orElse("");
  }

  public String domain() {
    return raw("d");
  }

  public String selector() {
    return raw("s");
  }

  public String algorithm() {
    return raw("a");
  }

  /** The first 8 characters of {@code b=}, for {@code header.b}. */
  public String headerB() {
    String b = raw("b");
    StringBuilder first = new StringBuilder(8);
    for (int i = 0; i < b.length() && first.length() < 8; i++) {
      if (!TagList.isWhitespace(b.charAt(i))) {
        first.append(b.charAt(i));
      }
    }
    return first.toString();
  }

  /** The {@code i=} tag decoded, or its default {@code @d}; "" when neither can be read. */
  public String identityOrDefault() {
    String i = raw("i");
    if (!i.isEmpty()) {
      String decoded = decodeQuotedPrintable(i);
      return decoded == null ? i : decoded;
    }
    return domain().isEmpty() ? "" : "@" + domain();
  }

  /**
   * Checks every tag a verifier needs, in the order of RFC 6376 section 6.1.1.
   *
   * @throws DkimFailure permerror with the first problem found
   */
  public Checked check(long nowEpochSecond) throws DkimFailure {
    if (syntaxError != null) {
      throw syntaxError;
    }
    String v = required("v", "v=1 (RFC 6376 requires it; signatures of the pre-RFC drafts lack it)");
    if (!v.equals("1")) {
      throw DkimFailure.permerror("v=" + v + " is not a DKIM version this verifier knows: RFC 6376 signatures say v=1");
    }
    String a = required("a", "the algorithm a=rsa-sha256 or a=ed25519-sha256");
    SigningAlgorithm algorithm = SigningAlgorithm.byName(a);
    if (algorithm == null) {
      throw DkimFailure.permerror("a=" + a + " is not a DKIM signing algorithm: sign with a=rsa-sha256 or a=ed25519-sha256");
    }
    byte[] b = base64("b", required("b", "the signature b="));
    byte[] bh = base64("bh", required("bh", "the body hash bh="));
    if (b.length == 0) {
      throw DkimFailure.permerror("b= is empty: the signer did not fill in the signature");
    }
    Canonicalization headerCanon = Canonicalization.SIMPLE;
    Canonicalization bodyCanon = Canonicalization.SIMPLE;
    String c = raw("c");
    if (tags.tag("c").isPresent()) {
      int slash = c.indexOf('/');
      headerCanon = Canonicalization.byName(slash < 0 ? c : c.substring(0, slash));
      bodyCanon = slash < 0 ? Canonicalization.SIMPLE : Canonicalization.byName(c.substring(slash + 1));
      if (headerCanon == null || bodyCanon == null) {
        throw DkimFailure.permerror("c=" + c + " is not a canonicalization: use c=relaxed/relaxed, or simple, in either half");
      }
    }
    String d = required("d", "the signing domain d=");
    if (!isDomainName(d)) {
      throw DkimFailure.permerror("d=" + d + " is not a domain name");
    }
    String s = required("s", "the selector s=");
    if (!isDomainName(s)) {
      throw DkimFailure.permerror("s=" + s + " is not a valid selector (one or more DNS labels)");
    }
    String h = required("h", "the signed header list h= (it must include From)");
    List<String> signedHeaders = new ArrayList<>();
    boolean hasFrom = false;
    for (String name : h.split(":", -1)) {
      String n = name.strip();
      if (n.isEmpty() || !isFieldName(n)) {
        throw DkimFailure.permerror("h=" + h + " is not a list of header field names separated by \":\"");
      }
      hasFrom |= n.equalsIgnoreCase("from");
      signedHeaders.add(n);
    }
    if (!hasFrom) {
      throw DkimFailure.permerror("h=" + h + " does not include From: RFC 6376 section 5.4 requires the From field to be signed");
    }
    String identity = "@" + d;
    if (tags.tag("i").isPresent()) {
      String i = decodeQuotedPrintable(raw("i"));
      int at = i == null ? -1 : i.lastIndexOf('@');
      if (at < 0) {
        throw DkimFailure.permerror("i=" + raw("i") + " is not an identity: it must be [local-part]@domain");
      }
      String iDomain = i.substring(at + 1);
      if (!isSameOrSubdomain(iDomain, d)) {
        throw DkimFailure.permerror("i=" + i + " is not in the signing domain d=" + d
            + ": the i= domain must be d= or a subdomain of it (RFC 6376 section 3.5)");
      }
      identity = i;
    }
    long l = Long.MAX_VALUE;
    if (tags.tag("l").isPresent()) {
      String lv = raw("l");
      if (lv.isEmpty() || lv.length() > 76 || !isDigits(lv)) {
        throw DkimFailure.permerror("l=" + abbreviate(lv) + " is not a body length (decimal digits)");
      }
      l = lv.length() > 18 ? Long.MAX_VALUE - 1 : Long.parseLong(lv);
    }
    if (tags.tag("q").isPresent()) {
      boolean dnsTxt = false;
      for (String q : raw("q").split(":", -1)) {
        dnsTxt |= q.strip().equals("dns/txt");
      }
      if (!dnsTxt) {
        throw DkimFailure.permerror("q=" + raw("q") + " names no key query method this verifier knows: the only one is q=dns/txt");
      }
    }
    long t = time("t");
    long x = time("x");
    if (t >= 0 && x >= 0 && x < t) {
      throw DkimFailure.permerror("x=" + x + " is before t=" + t + ": the signature expires before it was made");
    }
    if (x >= 0 && x < nowEpochSecond) {
      throw DkimFailure.permerror("signature expired at " + java.time.Instant.ofEpochSecond(x) + " (x=" + x + "), clock is "
          + java.time.Instant.ofEpochSecond(nowEpochSecond) + ": sign with a later x=, or none");
    }
    return new Checked(algorithm, b, bh, headerCanon, bodyCanon, d.toLowerCase(Locale.ROOT), s, signedHeaders, identity, l, t, x);
  }

  /**
   * The signature field canonicalized for the signed data: its {@code b=} value (and the
   * whitespace around it) removed, no line end (RFC 6376 section 3.7).
   */
  public byte[] withEmptySignature() {
    TagListParser.Tag b = tags.tag("b").orElseThrow();
    byte[] raw = field.raw(); // the text's octets, one char each: its offsets are theirs
    byte[] blanked = new byte[raw.length - (b.valueEnd() - b.valueStart())];
    System.arraycopy(raw, 0, blanked, 0, b.valueStart());
    System.arraycopy(raw, b.valueEnd(), blanked, b.valueStart(), raw.length - b.valueEnd());
    return blanked;
  }

  public HeaderField field() {
    return field;
  }

  /**
   * The tags a verifier uses, checked.
   *
   * @param identity the AUID: {@code i=} decoded, or {@code @d}
   * @param bodyLength {@code l=}, or {@code Long.MAX_VALUE} when absent
   * @param timestamp {@code t=}, or -1
   * @param expiration {@code x=}, or -1
   */
  @API(status = API.Status.INTERNAL)
  public record Checked(
      SigningAlgorithm algorithm,
      byte[] signature,
      byte[] bodyHash,
      Canonicalization headerCanonicalization,
      Canonicalization bodyCanonicalization,
      String domain,
      String selector,
      List<String> signedHeaders,
      String identity,
      long bodyLength,
      long timestamp,
      long expiration) {

    public String keyRecordName() {
      return selector + "._domainkey." + domain;
    }

    public String canonicalization() {
      return headerCanonicalization.tagValue() + "/" + bodyCanonicalization.tagValue();
    }
  }

  private String required(String name, String what) throws DkimFailure {
    TagListParser.Tag tag = tags.tag(name).orElse(null);
    if (tag == null) {
      throw DkimFailure.permerror("the signature has no " + name + "= tag: it needs " + what);
    }
    return tag.value();
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static byte[] base64(String name, String value) throws DkimFailure {
    try {
      return Base64Value.decode(value);
    } catch (IllegalArgumentException e) {
      throw DkimFailure.permerror(name + "= is not valid base64 (" + e.getMessage() + ")");
    }
  }

  private long time(String name) throws DkimFailure {
    if (tags.tag(name).isEmpty()) {
      return -1;
    }
    String value = raw(name);
    if (value.isEmpty() || value.length() > MAX_TIME_DIGITS || !isDigits(value)) {
      throw DkimFailure.permerror(name + "=" + abbreviate(value) + " is not a time (seconds since 1970, at most 12 digits)");
    }
    return Long.parseLong(value);
  }

  /** Decodes dkim-quoted-printable (RFC 6376 section 2.11); null when an escape is broken. */
  static String decodeQuotedPrintable(String value) {
    String v = TagList.withoutWhitespace(value);
    if (v.indexOf('=') < 0) {
      return v;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int k = 0; k < v.length(); k++) {
      char ch = v.charAt(k);
      if (ch == '=') {
        if (k + 2 >= v.length()) {
          return null;
        }
        int hi = Character.digit(v.charAt(k + 1), 16);
        int lo = Character.digit(v.charAt(k + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        k += 2;
      } else {
        out.write(ch);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static boolean isSameOrSubdomain(String candidate, String domain) {
    return Domains.isSameOrSubdomain(candidate, domain);
  }

  /** A DNS name of LDH-ish labels (underscore allowed, as selectors use it); no empty label. */
  static boolean isDomainName(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    int end = s.endsWith(".") ? s.length() - 1 : s.length();
    int label = 0;
    for (int k = 0; k <= end; k++) {
      if (k == end || s.charAt(k) == '.') {
        if (label == 0 || label > 63) {
          return false;
        }
        label = 0;
        continue;
      }
      char ch = s.charAt(k);
      if (!(ch < 128 && Character.isLetterOrDigit(ch)) && ch != '-' && ch != '_') {
        return false;
      }
      label++;
    }
    return true;
  }

  private static boolean isFieldName(String n) {
    for (int k = 0; k < n.length(); k++) {
      char ch = n.charAt(k);
      if (ch <= 32 || ch >= 127 || ch == ':') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "..." : s;
  }
}
