package io.github.junitmailassert.report;

import io.github.junitmailassert.mail.SmtpTranscript;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The run report: every test that ran with the extension, its mails, and each mail's receiver
 * result as the extension rendered it (check statuses, what fails the declared checks, what else
 * was found, the printed report). It judges nothing: every status comes from the mail's
 * {@link io.github.junitmailassert.receiver.ReceiverResult}. It is written as JSON (the schema is
 * {@value #SCHEMA_RESOURCE} in the library's jar) and as one self-contained HTML page; parts written
 * by several JVMs are merged with {@link MergeReports}.
 *
 * @param written when this report (or part) was written
 * @param parts how many parts it was merged from (1 for a part itself)
 * @param tests the tests, in the order they finished (a merged report: part by part)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RunReport(Instant written, int parts, List<TestEntry> tests) {

  /** The value of the JSON's {@code format} member. */
  public static final String FORMAT = "junit-mail-assert-run-report";

  /** The JSON format's version; a reader refuses other versions. */
  public static final int VERSION = 1;

  /** Where the JSON Schema of the run report lies in the library's jar. */
  public static final String SCHEMA_RESOURCE = "/io/github/junitmailassert/report/run-report.schema.json";

  /** The test's outcome as JUnit gave it (the CI gate's failure included). */
  public static final String PASSED = "passed";

  /** See {@link #PASSED}. */
  public static final String FAILED = "failed";

  /** The test declared no checks (no CI gate), so its mails' findings are information. */
  public static final String VERDICT_INFORMATION = "information";

  /** The mail passes every check its test declared. */
  public static final String VERDICT_PASSES = "passes";

  /** The mail fails a check its test declared (or one could not run). */
  public static final String VERDICT_FAILS = "fails";

  /**
   * Copies the tests; {@code written} is required.
   *
   * @param written when this report (or part) was written
   * @param parts how many parts it was merged from (1 for a part itself)
   * @param tests the tests, in the order they finished (a merged report: part by part)
   */
  public RunReport {
    Objects.requireNonNull(written, "written");
    tests = List.copyOf(tests);
  }

  /**
   * One finding as the receiver made it.
   *
   * @param check the check's name ({@link io.github.junitmailassert.check.MailCheck})
   * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}
   * @param text what was found
   * @param fix what to change; "" when nothing
   * @param source the rule's source; "" when none
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record FindingEntry(String check, String severity, String text, String fix, String source) {
    /**
     * Every component is required ("" where there is nothing).
     *
     * @param check the check's name ({@link io.github.junitmailassert.check.MailCheck})
     * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}
     * @param text what was found
     * @param fix what to change; "" when nothing
     * @param source the rule's source; "" when none
     */
    public FindingEntry {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(fix, "fix");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * One line of a mail's SMTP transcript ({@link SmtpTranscript}).
   *
   * @param at when it was said (the connection's time plus {@code sinceConnectMillis}, to the millisecond)
   * @param sinceConnectMillis milliseconds from the moment the capture server accepted the connection
   * @param direction {@value #CLIENT}, {@value #SERVER} or {@value #NOTE} (not said on the wire)
   * @param text the line without its line end, as the transcript keeps it
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record TranscriptLine(Instant at, long sinceConnectMillis, String direction, String text) {

    /** The client (the application) said the line. */
    public static final String CLIENT = "client";
    /** The capture server said the line. */
    public static final String SERVER = "server";
    /** A note of the transcript: the message's size, TLS starting, lines left out, the connection closing. */
    public static final String NOTE = "note";

    static final List<String> DIRECTIONS = List.of(CLIENT, SERVER, NOTE);

    /**
     * Every component is required; {@code direction} is one of the three above.
     *
     * @param at when it was said
     * @param sinceConnectMillis milliseconds from the moment the connection was accepted
     * @param direction {@value #CLIENT}, {@value #SERVER} or {@value #NOTE}
     * @param text the line without its line end
     */
    public TranscriptLine {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(text, "text");
      if (!DIRECTIONS.contains(direction)) {
        throw new IllegalArgumentException("a transcript line's direction is client, server or note, not " + direction);
      }
    }

    /**
     * The lines of a captured mail's transcript.
     *
     * @param transcript the mail's transcript ({@link io.github.junitmailassert.mail.CapturedMail#transcript()})
     * @return its lines, in the order said; none for a mail built by hand
     */
    public static List<TranscriptLine> of(SmtpTranscript transcript) {
      List<TranscriptLine> out = new ArrayList<>();
      for (SmtpTranscript.Line l : transcript.lines()) {
        out.add(new TranscriptLine(transcript.connectedAt().plus(l.sinceConnect()).truncatedTo(ChronoUnit.MILLIS),
            l.sinceConnect().toMillis(), l.direction().name().toLowerCase(Locale.ROOT), l.text()));
      }
      return out;
    }

    /** The lines as the transcript prints them ({@link SmtpTranscript#toString()}): {@code "  +3 ms C: EHLO app.example"}. */
    static String print(List<TranscriptLine> lines) {
      List<SmtpTranscript.Line> back = new ArrayList<>();
      for (TranscriptLine l : lines) {
        back.add(new SmtpTranscript.Line(Duration.ofMillis(l.sinceConnectMillis()),
            SmtpTranscript.Direction.valueOf(l.direction().toUpperCase(Locale.ROOT)), l.text()));
      }
      return SmtpTranscript.of(Instant.EPOCH, back).toString();
    }
  }

  /**
   * One captured mail of a test.
   *
   * @param summary the mail's one line (sequence, envelope, subject)
   * @param verdict {@value #VERDICT_PASSES}, {@value #VERDICT_FAILS} or {@value #VERDICT_INFORMATION}
   * @param checks every check's status by check name, in check order: {@code passed}, {@code failed}
   *     or {@code not checked}
   * @param failures what fails the checks the test declared
   * @param information everything else the receiver found
   * @param report the printed report of the mail ({@link MailReport})
   * @param transcript the SMTP transcript of the mail's transaction; empty for a mail built by hand
   *     and in parts written before reports had it
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record MailEntry(String summary, String verdict, Map<String, String> checks, List<FindingEntry> failures,
      List<FindingEntry> information, String report, List<TranscriptLine> transcript) {
    /**
     * Copies the checks, findings and transcript; every component is required.
     *
     * @param summary the mail's one line (sequence, envelope, subject)
     * @param verdict {@value #VERDICT_PASSES}, {@value #VERDICT_FAILS} or {@value #VERDICT_INFORMATION}
     * @param checks every check's status by check name, in check order: {@code passed}, {@code failed}
     *     or {@code not checked}
     * @param failures what fails the checks the test declared
     * @param information everything else the receiver found
     * @param report the printed report of the mail ({@link MailReport})
     * @param transcript the SMTP transcript of the mail's transaction
     */
    public MailEntry {
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(verdict, "verdict");
      checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
      failures = List.copyOf(failures);
      information = List.copyOf(information);
      Objects.requireNonNull(report, "report");
      transcript = List.copyOf(transcript);
    }
  }

  /**
   * One test that ran with the extension.
   *
   * @param id JUnit's unique id of the test; merging keeps the newest part's entry for an id
   * @param className the test class's binary name ({@code Outer$Inner})
   * @param classPath the simple names from the outermost class to the test's own ({@code [Outer, Inner]})
   * @param test the test's display name
   * @param outcome {@value #PASSED} or {@value #FAILED}
   * @param declaredChecks the checks the test declared (its CI gate), in check order; empty when none
   * @param mails its captured mails, in the order captured
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public record TestEntry(String id, String className, List<String> classPath, String test, String outcome,
      List<String> declaredChecks, List<MailEntry> mails) {
    /**
     * Copies the lists; every component is required.
     *
     * @param id JUnit's unique id of the test; merging keeps the newest part's entry for an id
     * @param className the test class's binary name ({@code Outer$Inner})
     * @param classPath the simple names from the outermost class to the test's own ({@code [Outer, Inner]})
     * @param test the test's display name
     * @param outcome {@value #PASSED} or {@value #FAILED}
     * @param declaredChecks the checks the test declared (its CI gate), in check order; empty when none
     * @param mails its captured mails, in the order captured
     */
    public TestEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(className, "className");
      classPath = List.copyOf(classPath);
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(outcome, "outcome");
      declaredChecks = List.copyOf(declaredChecks);
      mails = List.copyOf(mails);
    }

    /** {@return whether JUnit failed the test} */
    public boolean failed() {
      return FAILED.equals(outcome);
    }

    /**
     * The status of {@code check} over the test's mails: {@code failed} when a mail fails it, else
     * {@code not checked} when it could not run for a mail, else {@code passed}; "" without mail.
     *
     * @param check the check's name, such as {@code SPF}
     * @return {@code failed}, {@code not checked}, {@code passed}, or "" when the test captured no mail
     */
    public String checkStatus(String check) {
      String status = "";
      for (MailEntry mail : mails) {
        String s = mail.checks().getOrDefault(check, "");
        if (s.equals("failed")) {
          return s;
        }
        if (s.equals("not checked") || status.isEmpty()) {
          status = s;
        }
      }
      return status;
    }
  }

  // ---------------------------------------------------------------- JSON

  /** {@return this report as JSON, in the format that {@link #fromJson(String)} reads} */
  public String toJson() {
    Json.Writer w = new Json.Writer().beginObject()
        .member("format", FORMAT).name("version").value(VERSION)
        .member("written", written.toString()).name("parts").value(parts)
        .name("tests").beginArray();
    for (TestEntry t : tests) {
      w.beginObject().member("id", t.id()).member("className", t.className()).member("classPath", t.classPath())
          .member("test", t.test()).member("outcome", t.outcome()).member("declaredChecks", t.declaredChecks())
          .name("mails").beginArray();
      for (MailEntry m : t.mails()) {
        w.beginObject().member("summary", m.summary()).member("verdict", m.verdict()).name("checks").beginObject();
        m.checks().forEach(w::member);
        w.endObject();
        findings(w, "failures", m.failures());
        findings(w, "information", m.information());
        w.member("report", m.report()).name("transcript").beginArray();
        for (TranscriptLine l : m.transcript()) {
          w.beginObject().member("at", l.at().toString()).name("sinceConnectMillis").value(l.sinceConnectMillis())
              .member("direction", l.direction()).member("text", l.text()).endObject();
        }
        w.endArray().endObject();
      }
      w.endArray().endObject();
    }
    return w.endArray().endObject().toString();
  }

  private static void findings(Json.Writer w, String name, List<FindingEntry> findings) {
    w.name(name).beginArray();
    for (FindingEntry f : findings) {
      w.beginObject().member("check", f.check()).member("severity", f.severity()).member("text", f.text())
          .member("fix", f.fix()).member("source", f.source()).endObject();
    }
    w.endArray();
  }

  /**
   * Reads a run report (or a part) written by {@link #toJson()}.
   *
   * @param json the report's JSON text
   * @return the report
   * @throws IllegalArgumentException when the text is not JSON, not a run report, or of another
   *     version; the message says where
   */
  public static RunReport fromJson(String json) {
    Map<String, Object> root = object(Json.parse(json), "the report");
    if (!FORMAT.equals(root.get("format"))) {
      throw new IllegalArgumentException("not a junit-mail-assert run report: its \"format\" is not \"" + FORMAT + "\"");
    }
    if (!Long.valueOf(VERSION).equals(root.get("version"))) {
      throw new IllegalArgumentException("a run report of version " + root.get("version") + ": this library reads"
          + " version " + VERSION);
    }
    Instant written;
    try {
      written = Instant.parse(string(root, "written", "the report"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the report's \"written\" is not an ISO-8601 instant: " + root.get("written"));
    }
    Object parts = root.get("parts");
    if (!(parts instanceof Long n) || n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the report's \"parts\" is not a positive whole number: " + parts);
    }
    List<TestEntry> tests = new ArrayList<>();
    List<Object> testList = list(root, "tests", "the report");
    for (int i = 0; i < testList.size(); i++) {
      String where = "tests[" + i + "]";
      Map<String, Object> t = object(testList.get(i), where);
      List<MailEntry> mails = new ArrayList<>();
      List<Object> mailList = list(t, "mails", where);
      for (int j = 0; j < mailList.size(); j++) {
        String at = where + ".mails[" + j + "]";
        Map<String, Object> m = object(mailList.get(j), at);
        Map<String, String> checks = new LinkedHashMap<>();
        object(m.get("checks"), at + ".checks").forEach((k, v) -> checks.put(k, text(v, at + ".checks." + k)));
        mails.add(new MailEntry(string(m, "summary", at), string(m, "verdict", at), checks,
            findingList(m, "failures", at), findingList(m, "information", at), string(m, "report", at),
            transcript(m, at)));
      }
      tests.add(new TestEntry(string(t, "id", where), string(t, "className", where), strings(t, "classPath", where),
          string(t, "test", where), string(t, "outcome", where), strings(t, "declaredChecks", where), mails));
    }
    return new RunReport(written, n.intValue(), tests);
  }

  private static List<FindingEntry> findingList(Map<String, Object> m, String name, String where) {
    List<FindingEntry> out = new ArrayList<>();
    List<Object> list = list(m, name, where);
    for (int k = 0; k < list.size(); k++) {
      String at = where + "." + name + "[" + k + "]";
      Map<String, Object> f = object(list.get(k), at);
      out.add(new FindingEntry(string(f, "check", at), string(f, "severity", at), string(f, "text", at),
          string(f, "fix", at), string(f, "source", at)));
    }
    return out;
  }

  /** A mail's transcript; a part written before reports had one has none, read as empty. */
  private static List<TranscriptLine> transcript(Map<String, Object> m, String where) {
    List<TranscriptLine> out = new ArrayList<>();
    if (!m.containsKey("transcript")) {
      return out;
    }
    List<Object> list = list(m, "transcript", where);
    for (int k = 0; k < list.size(); k++) {
      String at = where + ".transcript[" + k + "]";
      Map<String, Object> l = object(list.get(k), at);
      Instant when;
      try {
        when = Instant.parse(string(l, "at", at));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(at + ".at is not an ISO-8601 instant: " + l.get("at"));
      }
      if (!(l.get("sinceConnectMillis") instanceof Long millis) || millis < 0) {
        throw new IllegalArgumentException(at + ".sinceConnectMillis is not a whole number of 0 or more: "
            + l.get("sinceConnectMillis"));
      }
      String direction = string(l, "direction", at);
      if (!TranscriptLine.DIRECTIONS.contains(direction)) {
        throw new IllegalArgumentException(at + ".direction is not client, server or note: " + direction);
      }
      out.add(new TranscriptLine(when, millis, direction, string(l, "text", at)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(where + " is not a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> object, String name, String where) {
    if (object.get(name) instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new IllegalArgumentException(where + " has no array \"" + name + "\"");
  }

  private static String string(Map<String, Object> object, String name, String where) {
    return text(object.get(name), where + "." + name);
  }

  private static String text(Object value, String where) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(where + " is not a string");
  }

  private static List<String> strings(Map<String, Object> object, String name, String where) {
    List<String> out = new ArrayList<>();
    List<Object> list = list(object, name, where);
    for (int i = 0; i < list.size(); i++) {
      out.add(text(list.get(i), where + "." + name + "[" + i + "]"));
    }
    return out;
  }

  // ---------------------------------------------------------------- HTML and merging

  /** {@return this report as one self-contained HTML page: the summary first, then every mail's details} */
  public String toHtml() {
    return RunReportHtml.render(this);
  }

  /**
   * The reports (parts) merged into one, written at {@code now}: every test of every part, and for
   * a test found in several parts (a rerun, a part left from an earlier run) the entry of the
   * part written last.
   *
   * @param parts the reports to merge, in any order
   * @param now when the merged report is written
   * @return the merged report
   */
  public static RunReport merge(List<RunReport> parts, Instant now) {
    List<RunReport> byTime = new ArrayList<>(parts);
    byTime.sort(java.util.Comparator.comparing(RunReport::written));
    Map<String, TestEntry> tests = new LinkedHashMap<>();
    int count = 0;
    for (RunReport part : byTime) {
      count += part.parts();
      for (TestEntry t : part.tests()) {
        tests.remove(t.id());
        tests.put(t.id(), t);
      }
    }
    return new RunReport(now, count, new ArrayList<>(tests.values()));
  }
}
