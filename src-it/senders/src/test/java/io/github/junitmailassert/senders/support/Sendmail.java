package io.github.junitmailassert.senders.support;

import io.github.junitmailassert.mail.SmtpEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The real sendmail, without a daemon, with a private configuration: a {@code .mc} file made of
 * the lines under test and the plumbing that keeps every file in the test's directory and relays
 * all mail to the capture server; {@code m4} turns it into {@code sendmail.cf}. It runs on
 * {@link LocaldomainHost}, the host name of the classic misconfigured server.
 */
public final class Sendmail {

  /** The Debian packages: the binary, the m4 kit that builds {@code .cf} files, and m4 itself. */
  public static final String PACKAGES = "sendmail-bin sendmail-cf m4";
  /** Where Debian's sendmail-cf keeps the m4 kit. */
  public static final String CF_M4 = "/usr/share/sendmail/cf/m4/cf.m4";

  private final Path mc;
  private final Path cf;
  private final LocaldomainHost host;

  private Sendmail(Path mc, Path cf, LocaldomainHost host) {
    this.mc = mc;
    this.cf = cf;
    this.host = host;
  }

  /**
   * Writes {@code sendmail.mc} into {@code dir} with the {@code .mc} lines under test (masquerading,
   * host name) and builds {@code sendmail.cf} from it with m4.
   */
  public static Sendmail configure(Path dir, SmtpEndpoint relay, String... linesUnderTest) {
    try {
      Path queue = Files.createDirectories(dir.resolve("queue"));
      Files.setPosixFilePermissions(queue, PosixFilePermissions.fromString("rwx------"));
      Path serviceSwitch = Files.writeString(dir.resolve("service.switch"), "hosts files\naliases files\n");
      List<String> lines = new ArrayList<>(List.of(
          "divert(-1)dnl",
          "include(`" + CF_M4 + "')dnl",
          "VERSIONID(`junit-mail-assert src-it')dnl",
          "OSTYPE(`linux')dnl",
          "dnl Test plumbing: every file private to this directory, names from files (no DNS),",
          "dnl all mail relayed to the capture server. (QUEUE_DIR, not confQUEUE_DIR, which cf.m4 ignores.)",
          "define(`QUEUE_DIR', `" + queue + "')dnl",
          "define(`STATUS_FILE', `" + dir.resolve("statistics") + "')dnl",
          "define(`confDEAD_LETTER_DROP', `" + dir.resolve("dead.letter") + "')dnl",
          "define(`confSERVICE_SWITCH_FILE', `" + serviceSwitch + "')dnl",
          "define(`ALIAS_FILE', `')dnl",
          "undefine(`confHOST_STATUS_DIRECTORY')dnl",
          "define(`confDONT_PROBE_INTERFACES', `True')dnl",
          "define(`confDELIVERY_MODE', `interactive')dnl",
          "FEATURE(`nocanonify')dnl",
          "dnl The explicit relay: mailer, since a bare [127.0.0.1] is taken for this host and skipped.",
          "define(`SMART_HOST', `relay:[" + relay.host() + "]')dnl",
          "define(`MAIL_HUB', `relay:[" + relay.host() + "]')dnl"));
      for (String mailer : List.of("RELAY", "ESMTP", "SMTP", "SMTP8", "DSMTP")) {
        lines.add("define(`" + mailer + "_MAILER_ARGS', `TCP $h " + relay.port() + "')dnl");
      }
      lines.add("dnl The configuration under test.");
      lines.addAll(List.of(linesUnderTest));
      lines.add("MAILER(`local')dnl");
      lines.add("MAILER(`smtp')dnl");
      Path mc = Files.write(dir.resolve("sendmail.mc"), lines, StandardCharsets.UTF_8);
      Path cf = dir.resolve("sendmail.cf");
      Files.writeString(cf, Tools.run(Tools.path("m4"), mc.toString()).stdout());
      return new Sendmail(mc, cf, LocaldomainHost.in(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code .mc} file. */
  public Path mc() {
    return mc;
  }

  /** The {@code .cf} file that m4 built. */
  public Path cf() {
    return cf;
  }

  /** The host it runs on. */
  public LocaldomainHost host() {
    return host;
  }

  /** The sendmail command line with this configuration, then {@code arguments}. */
  public List<String> commandLine(String... arguments) {
    List<String> command = new ArrayList<>(List.of(Tools.path("sendmail"), "-C", cf.toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  /**
   * Sends {@code message} the way cron jobs and scripts do, {@code sendmail -t -i} (recipients from
   * the header), delivering at once ({@code -odi}); returns when sendmail has relayed it.
   */
  public void send(String message) {
    host.run(message.getBytes(StandardCharsets.UTF_8), commandLine("-odi", "-oi", "-t"));
  }
}
