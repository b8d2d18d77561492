package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SpamAssassin's daemon {@code spamd} with a private site configuration, and our own client of the
 * spamc protocol ({@code REPORT SPAMC/1.5}). The mail gets the {@code Return-Path} and the
 * {@code Received} field the receiving MTA would write, which is where SpamAssassin reads the
 * client IP, its reverse DNS, the HELO name and the envelope sender.
 *
 * <p>spamd loads {@link #KEEP_CONFIG}, and a local spamd runs without taint checks: together they
 * take about a quarter of its CPU per mail off, and no verdict changes. Internal.
 */
final class SpamdFilter extends RunningFilter {

  /** The plugins of Debian's {@code .pre} files, without the ones that ask the internet or learn. */
  static final List<String> PLUGINS = List.of("URIDNSBL", "SPF", "SpamCop", "WelcomeListSubject", "MIMEHeader",
      "ReplaceTags", "DKIM", "Check", "HTTPSMismatch", "URIDetail", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval",
      "MIMEEval", "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL");
  static final String RULES = "/usr/share/spamassassin";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final int TIMEOUT_MILLIS = 60_000;
  private static final Pattern SPAM_HEADER =
      Pattern.compile("(?i)Spam:\\s*(True|False|Yes|No)\\s*;\\s*(-?[0-9.]+)\\s*/\\s*(-?[0-9.]+)");
  private static final Pattern HIT = Pattern.compile("^\\*\\s+(-?[0-9.]+)\\s+(\\S+)\\s?(.*)$");
  /** The plugin's package and file, in {@code site/} beside the {@code init.pre} that loads it. */
  static final String KEEP_CONFIG_MODULE = "JunitMailAssertKeepConfig";
  /**
   * A SpamAssassin plugin that takes two per-mail costs off a daemon serving one configuration:
   * after every mail a child restores its configuration from the backup ({@code copy_config}),
   * and every mail compiles a glue method per eval function (a string eval each) that
   * {@code finish} deletes again. Both only matter when the configuration changes between mails
   * (per-user preferences); this spamd loads none, and each glue method looks its plugin up in
   * the configuration when it is called. Loaded as a plugin, it also works in a container's spamd.
   */
  static final String KEEP_CONFIG = String.join("\n",
      "# junit-mail-assert: spamd -x loads no user preferences, so what a child undoes after every mail",
      "# (its configuration, the glue methods of eval rules) is what it would build again.",
      "package " + KEEP_CONFIG_MODULE + ";",
      "use strict;",
      "use warnings;",
      "use Mail::SpamAssassin::Plugin;",
      "our @ISA = qw(Mail::SpamAssassin::Plugin);",
      "my $patched;",
      "sub new {",
      "  my ($class, $main) = @_;",
      "  my $self = bless $class->SUPER::new($main), $class;",
      "  patch() unless $patched++;",
      "  return $self;",
      "}",
      "sub patch {",
      "  no warnings 'redefine';",
      "  if (defined &Mail::SpamAssassin::copy_config) {",
      "    my $copy = \\&Mail::SpamAssassin::copy_config;",
      "    *Mail::SpamAssassin::copy_config = sub {",
      "      my (undef, $source, $dest) = @_;",
      "      return 1 if ref $source eq 'HASH' && !defined $dest; # the restore only; backups go on",
      "      goto &$copy;",
      "    };",
      "  } else {",
      "    warn \"junit-mail-assert: this SpamAssassin has no copy_config; it restores after every mail\\n\";",
      "  }",
      "  if (defined &Mail::SpamAssassin::PerMsgStatus::finish) {",
      "    my $finish = \\&Mail::SpamAssassin::PerMsgStatus::finish;",
      "    *Mail::SpamAssassin::PerMsgStatus::finish = sub {",
      "      @Mail::SpamAssassin::PerMsgStatus::TEMPORARY_METHODS = grep {",
      "        !exists $Mail::SpamAssassin::PerMsgStatus::TEMPORARY_EVAL_GLUE_METHODS{$_}",
      "      } @Mail::SpamAssassin::PerMsgStatus::TEMPORARY_METHODS;",
      "      goto &$finish;",
      "    };",
      "  } else {",
      "    warn \"junit-mail-assert: this SpamAssassin has no PerMsgStatus::finish; it compiles per mail\\n\";",
      "  }",
      "}",
      "1;",
      "");
  /**
   * Runs the spamd script given first in {@code @ARGV} with the rest as its arguments, in a Perl
   * without taint checks (a {@code #!} line's {@code -T} is only honoured for the main script).
   */
  static final String RUN_SCRIPT = "my $spamd = shift @ARGV; -r $spamd or die \"cannot read $spamd\\n\";"
      + " $0 = $spamd; my $ran = do $spamd; die $@ if $@; defined $ran or !$! or die \"cannot run $spamd: $!\\n\";";
  private static final Pattern PERL_SHEBANG = Pattern.compile("#!\\s*(/\\S*perl[0-9.]*)((?:\\s+-\\w+)*)\\s*");
  private static final DateTimeFormatter RFC5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String program;
  private final int children;
  private int port;

  SpamdFilter(String program, int children) {
    super(SpamFilter.SPAMASSASSIN);
    this.program = program;
    this.children = children;
  }

  @Override
  FilterProcess launch() {
    write("site/init.pre", initPre());
    write("site/local.cf", localCf(dns.address(), dns.port()));
    write("site/" + KEEP_CONFIG_MODULE + ".pm", KEEP_CONFIG);
    Path home = writableDir("home");
    port = FilterProcess.freePort();
    // Another launcher's spamd (a container's) starts as its image has it: its script is not here.
    List<String> command = runsLocally() ? interpreter(program) : new ArrayList<>(List.of(program));
    command.addAll(List.of("-x", "-4", "-C", RULES, "--siteconfigpath=" + dir.resolve("site"),
        "-H", home.toString(), "-i", "127.0.0.1:" + port, "-A", "127.0.0.1",
        "--max-children=" + children, "--min-children=" + children, "--min-spare=" + children,
        "--max-spare=" + children, "-s", "stderr", "-r", dir.resolve("spamd.pid").toString()));
    return startProgram("spamd", command, dir.resolve("spamd.log"), port, START_TIMEOUT);
  }

  /** SpamAssassin's plugins, and ours from beside the file (a path with a space would be refused). */
  static String initPre() {
    StringBuilder pre = new StringBuilder();
    for (String plugin : PLUGINS) {
      pre.append("loadplugin Mail::SpamAssassin::Plugin::").append(plugin).append('\n');
    }
    return pre.append("loadplugin ").append(KEEP_CONFIG_MODULE).append(' ').append(KEEP_CONFIG_MODULE).append(".pm\n")
        .toString();
  }

  /**
   * How to start {@code program}: under the Perl of its {@code #!} line with that line's switches
   * but without taint checks ({@code -T}), which guard a daemon's system calls against what mail
   * carries and cost this one a sixth of its CPU per mail. A program that is not a Perl script (a
   * wrapper), one whose {@code #!} line bundles {@code -T} with a switch taking a value
   * ({@code -wTl}), or not a path this machine can read (a bare name), starts as it is.
   */
  static List<String> interpreter(String program) {
    String first;
    if (!Path.of(program).isAbsolute()) {
      return new ArrayList<>(List.of(program)); // the working directory's "spamd" is not it
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(program), StandardCharsets.ISO_8859_1)) {
      first = Objects.requireNonNullElse(in.readLine(), "");
    } catch (IOException | UncheckedIOException e) {
      first = "";
    }
    Matcher shebang = PERL_SHEBANG.matcher(first);
    List<String> command = new ArrayList<>();
    if (shebang.matches()) {
      command.add(shebang.group(1));
      for (String option : shebang.group(2).strip().split("\\s+")) {
        // Flags only (-T, -Tw); a switch with an argument (-Mstrict) is kept as it is.
        String kept = option.matches("-[TtwWXU]+") ? option.replaceAll("[Tt]", "") : option;
        if (!kept.matches("-[MmIdD].*") && kept.matches("-.*[Tt].*")) {
          return new ArrayList<>(List.of(program)); // taint checks in a bundle we do not take apart (-wTl)
        }
        if (kept.length() > 1) {
          command.add(kept);
        }
      }
      command.addAll(List.of("-e", RUN_SCRIPT, "--"));
    }
    command.add(program);
    return command;
  }

  /** The site configuration: DNS to the front only, nothing learnt, nothing remembered between mails. */
  static String localCf(String dnsAddress, int dnsPort) {
    return String.join("\n",
        "# junit-mail-assert: deterministic, offline. DNS goes to the test's zone only.",
        "dns_server " + dnsAddress + ":" + dnsPort,
        "dns_available yes",
        "use_bayes 0",
        "bayes_auto_learn 0",
        "envelope_sender_header Return-Path",
        // The declared client IP stands for a public one; a documentation address (RFC 5737) is what
        // tests declare, and would fire this rule, which no receiver on the internet sees for it.
        "score RCVD_ILLEGAL_IP 0",
        "report_wrap_width 100000",
        "clear_report_template",
        "report _REPORT_",
        "");
  }

  @Override
  SpamFilterResult scoreInGate(FilterRequest request) throws IOException {
    byte[] message = withTraceFields(request);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      byte[] head = ("REPORT SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      byte[] sent = Arrays.copyOf(head, head.length + message.length);
      System.arraycopy(message, 0, sent, head.length, message.length);
      // One write: a second small one would wait for the first one's ACK (Nagle).
      OutputStream out = socket.getOutputStream();
      out.write(sent);
      out.flush();
      socket.shutdownOutput();
      return parse(readAll(socket.getInputStream()));
    }
  }

  /**
   * The reply to a {@code REPORT} request: {@code SPAMD/1.1 0 EX_OK}, a {@code Spam:} header with
   * the verdict, score and threshold, and the report template {@code _REPORT_}: one
   * {@code * score RULE description} line per hit, notes after it.
   */
  SpamFilterResult parse(String reply) throws IOException {
    int end = reply.indexOf("\r\n\r\n");
    if (!reply.startsWith("SPAMD/") || end < 0) {
      throw new IOException("not a spamd reply: " + abbreviate(reply));
    }
    String[] head = reply.substring(0, end).split("\r\n");
    String[] status = head[0].split(" ", 3);
    if (status.length < 2 || !"0".equals(status[1])) {
      throw new IOException("spamd refused the mail: " + head[0]);
    }
    Matcher verdict = null;
    for (String line : head) {
      Matcher m = SPAM_HEADER.matcher(line);
      if (m.lookingAt()) {
        verdict = m;
      }
    }
    if (verdict == null) {
      throw new IOException("spamd's reply has no Spam header: " + abbreviate(reply));
    }
    boolean spam = verdict.group(1).equalsIgnoreCase("True") || verdict.group(1).equalsIgnoreCase("Yes");
    double score = Double.parseDouble(verdict.group(2));
    double threshold = Double.parseDouble(verdict.group(3));
    return SpamFilterResult.scored(filter, score, threshold, spam ? FilterAction.ADD_HEADER : FilterAction.NO_ACTION,
        rules(reply.substring(end + 4)));
  }

  static List<FilterRule> rules(String report) {
    List<FilterRule> rules = new ArrayList<>();
    String name = null;
    double score = 0;
    String description = "";
    List<String> details = new ArrayList<>();
    for (String line : report.split("\r?\n")) {
      Matcher hit = HIT.matcher(line);
      if (hit.matches()) {
        if (name != null) {
          rules.add(new FilterRule(name, score, description, details, List.of()));
        }
        name = hit.group(2);
        score = Double.parseDouble(hit.group(1));
        description = hit.group(3).strip();
        details = new ArrayList<>();
      } else if (name != null && !line.isBlank()) {
        String note = line.startsWith("*") ? line.substring(1).strip() : line.strip();
        if (!note.isEmpty()) {
          details.add(note.startsWith("[") && note.endsWith("]") ? note.substring(1, note.length() - 1) : note);
        }
      }
    }
    if (name != null) {
      rules.add(new FilterRule(name, score, description, details, List.of()));
    }
    return rules;
  }

  /**
   * The message as the receiving MTA delivers it to the filter: {@code Return-Path} with the
   * envelope sender, then the MTA's own {@code Received} field (Postfix's form:
   * {@code from HELO (NAME [IP]) by HOST with ESMTP for <rcpt>; date}, NAME {@code unknown}
   * without forward-confirmed reverse DNS), then the message as it came.
   */
  static byte[] withTraceFields(FilterRequest request) {
    byte[] message = request.message();
    String eol = new String(message, 0, Math.min(message.length, 8192), StandardCharsets.ISO_8859_1)
        .contains("\r\n") ? "\r\n" : "\n";
    String helo = request.heloName().isBlank() ? "unknown" : request.heloName();
    String name = request.clientName().isBlank() ? "unknown" : request.clientName();
    StringBuilder trace = new StringBuilder();
    trace.append("Return-Path: <").append(request.envelopeSender()).append('>').append(eol);
    trace.append("Received: from ").append(helo).append(" (").append(name).append(" [")
        .append(request.clientIp().getHostAddress()).append("])").append(eol);
    trace.append("\tby ").append(request.receivingHost()).append(" with ESMTP");
    if (request.recipients().size() == 1) {
      trace.append(eol).append("\tfor <").append(request.recipients().get(0)).append('>');
    }
    trace.append("; ").append(RFC5322.format(request.receivedAt())).append(eol);
    byte[] head = trace.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + message.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(message, 0, all, head.length, message.length);
    return all;
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    String oneLine = text.replace("\r", "").replace('\n', ' ');
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
