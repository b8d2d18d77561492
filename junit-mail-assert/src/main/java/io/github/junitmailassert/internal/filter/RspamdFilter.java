package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.internal.syntax.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * rspamd in the foreground with the shipped configuration and a private {@code local.d} on top,
 * asked through its HTTP protocol ({@code POST /checkv2}), with the connection data in its
 * {@code IP}, {@code Helo}, {@code Hostname}, {@code From} and {@code Rcpt} headers. Internal.
 */
final class RspamdFilter extends RunningFilter {

  /** The score of the first action that keeps a mail out of the inbox (add header), as configured here. */
  static final double SPAM_THRESHOLD = 6;
  static final String CONFIG = "/etc/rspamd/rspamd.conf";
  /** Modules that ask the internet, learn, remember between mails, or need redis. */
  static final List<String> DISABLED_MODULES = List.of("fuzzy_check", "rspamd_update", "greylist", "neural",
      "ratelimit", "reputation", "history_redis", "replies", "url_redirector", "dcc", "mx_check", "clickhouse",
      "elastic", "metric_exporter", "p0f", "antivirus", "external_services", "spamtrap");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String program;
  private final int workers;
  private int port;

  RspamdFilter(String program, int workers) {
    super(SpamFilter.RSPAMD);
    this.program = program;
    this.workers = workers;
  }

  @Override
  FilterProcess launch() {
    port = FilterProcess.freePort();
    write("local.d/worker-normal.inc", "bind_socket = \"127.0.0.1:" + port + "\";\ncount = " + workers + ";\n");
    write("local.d/worker-controller.inc", "enabled = false;\n");
    write("local.d/worker-proxy.inc", "enabled = false;\n");
    write("local.d/worker-fuzzy.inc", "enabled = false;\n");
    write("local.d/logging.inc", "type = \"console\";\nlevel = \"error\";\n");
    write("local.d/options.inc", "dns {\n  nameserver = [\"" + dns.address() + ":" + dns.port() + "\"];\n"
        + "  timeout = 2s;\n  retransmits = 1;\n}\n"
        + "hs_cache_dir = \"" + shared(hyperscanCache()) + "\";\n");
    write("local.d/actions.conf", "reject = 15;\nadd_header = " + (int) SPAM_THRESHOLD + ";\ngreylist = null;\n");
    // Caches of parsed SPF records and DKIM keys would carry one test's DNS into another's mail.
    write("local.d/spf.conf", "spf_cache_size = 0;\n");
    write("local.d/dkim.conf", "dkim_cache_size = 0;\n");
    for (String module : DISABLED_MODULES) {
      write("local.d/" + module + ".conf", "enabled = false;\n");
    }
    List<String> command = new ArrayList<>(List.of(program, "-f", "-c", CONFIG,
        "--var=LOCAL_CONFDIR=" + dir, "--var=DBDIR=" + writableDir("db"), "--var=RUNDIR=" + writableDir("run"),
        "--var=LOGDIR=" + writableDir("log")));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root", "-g", "root"));
    }
    return startProgram("rspamd", command, dir.resolve("rspamd.log"), port, START_TIMEOUT);
  }

  /**
   * The compiled hyperscan databases, kept between JVMs: the first start on a machine compiles them
   * (mostly the 9,628 URL suffixes of the public suffix list, a 40 MB database: 21 s on an idle
   * 2-core machine), later starts load them in about a second. rspamd names each file by a hash of
   * its expressions and the CPU's features, and when it stops it deletes the files of the directory
   * that this run neither loaded nor saved. Every start of the library's configuration loads the URL
   * suffixes' database, so JVMs share the directory; at worst a rule database that one run deletes
   * under another is compiled again in the background. It is per user and per rspamd program
   * (its size and modification time, which an upgrade changes), or per place for a program another
   * launcher starts (a container's image): an upgraded rspamd starts in an empty directory, and
   * the old version's databases can be deleted with theirs.
   */
  private Path hyperscanCache() {
    String key;
    try {
      if (runsLocally()) {
        Path binary = Path.of(program).toRealPath();
        key = Long.toHexString(Files.size(binary)) + "-" + Long.toHexString(Files.getLastModifiedTime(binary).toMillis());
      } else {
        key = "at-" + Integer.toHexString(place().hashCode()); // another launcher's program is not here to read
      }
    } catch (IOException e) {
      key = "unknown";
    }
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "junit-mail-assert-rspamd-hyperscan-"
        + System.getProperty("user.name") + "-" + key);
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new IllegalStateException("cannot make " + cache + ": " + e.getMessage(), e);
    }
    return cache;
  }

  /**
   * One {@code POST /checkv2} on its own connection, written in one piece: rspamd's normal worker
   * closes the connection after every reply, so a client's connection pool saves nothing, and a
   * plain socket costs the JVM a fraction of {@code java.net.http}'s CPU per mail, which on a small
   * machine is CPU the filter does not get.
   */
  @Override
  SpamFilterResult scoreInGate(FilterRequest request) throws IOException {
    StringBuilder head = new StringBuilder("POST /checkv2 HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
        .append("\r\nConnection: close\r\nContent-Length: ").append(request.message().length).append("\r\n");
    header(head, "IP", request.clientIp().getHostAddress());
    header(head, "Hostname", request.clientName().isBlank() ? "unknown" : request.clientName());
    header(head, "MTA-Name", request.receivingHost());
    header(head, "From", "<" + request.envelopeSender() + ">");
    if (!request.heloName().isBlank()) {
      header(head, "Helo", request.heloName());
    }
    for (String rcpt : request.recipients()) {
      header(head, "Rcpt", "<" + rcpt + ">");
    }
    head.append("\r\n");
    ByteArrayOutputStream post = new ByteArrayOutputStream(head.length() + request.message().length);
    post.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    post.writeBytes(request.message());
    byte[] reply;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      post.writeTo(out);
      out.flush();
      reply = socket.getInputStream().readAllBytes();
    }
    return parse(body(reply));
  }

  private static void header(StringBuilder head, String name, String value) throws IOException {
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IOException("the " + name + " \"" + SpamdFilter.abbreviate(value)
          + "\" has a line break or NUL, which rspamd's HTTP header cannot carry");
    }
    head.append(name).append(": ").append(value).append("\r\n");
  }

  /**
   * The body of rspamd's HTTP reply (it sends {@code Content-Length}, then closes), or why there is
   * none: not HTTP, another status than 200, fewer octets than {@code Content-Length} says (a reply
   * cut short), or a chunked body, which rspamd does not send and this client does not read.
   */
  static String body(byte[] reply) throws IOException {
    int end = -1;
    for (int i = 0; i + 3 < reply.length && end < 0; i++) {
      if (reply[i] == '\r' && reply[i + 1] == '\n' && reply[i + 2] == '\r' && reply[i + 3] == '\n') {
        end = i;
      }
    }
    String text = new String(reply, StandardCharsets.UTF_8);
    String[] status = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ", 3);
    if (end < 0 || status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new IOException("rspamd's reply is not HTTP: " + SpamdFilter.abbreviate(text));
    }
    long length = -1;
    for (String line : new String(reply, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      String value = colon < 0 ? "" : line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        throw new IOException("rspamd's reply is chunked, which this client does not read: " + SpamdFilter.abbreviate(text));
      }
      if (name.equalsIgnoreCase("Content-Length")) {
        try {
          length = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IOException("rspamd's reply has a Content-Length that is not a number: " + SpamdFilter.abbreviate(value), e);
        }
      }
    }
    int received = reply.length - end - 4;
    if (length > received) {
      throw new IOException("rspamd's reply is cut short: " + received + " of the " + length + " octets it announced");
    }
    String body = new String(reply, end + 4, length < 0 ? received : (int) length, StandardCharsets.UTF_8);
    if (!"200".equals(status[1])) {
      throw new IOException("rspamd answered HTTP " + status[1] + ": " + SpamdFilter.abbreviate(body));
    }
    return body;
  }

  /** rspamd's {@code /checkv2} reply: score, action, and per symbol its score, description and options. */
  SpamFilterResult parse(String body) throws IOException {
    Object json;
    try {
      json = JsonReader.parse(body);
    } catch (IllegalArgumentException e) {
      throw new IOException("rspamd's reply is " + e.getMessage() + ": " + SpamdFilter.abbreviate(body), e);
    }
    if (!(json instanceof Map<?, ?> reply) || !(reply.get("score") instanceof Number score)
        || !(reply.get("action") instanceof String label)) {
      throw new IOException("rspamd's reply has no score or action: " + SpamdFilter.abbreviate(body));
    }
    FilterAction action = FilterAction.fromLabel(label)
        .orElseThrow(() -> new IOException("rspamd asked for an unknown action \"" + label + "\""));
    List<FilterRule> rules = new ArrayList<>();
    if (reply.get("symbols") instanceof Map<?, ?> symbols) {
      for (Map.Entry<?, ?> e : symbols.entrySet()) {
        if (!(e.getValue() instanceof Map<?, ?> symbol)) {
          continue;
        }
        List<String> options = new ArrayList<>();
        if (symbol.get("options") instanceof List<?> list) {
          list.forEach(o -> options.add(String.valueOf(o)));
        }
        double points = symbol.get("score") instanceof Number n ? n.doubleValue() : 0;
        String description = symbol.get("description") instanceof String s ? s : "";
        rules.add(new FilterRule(String.valueOf(e.getKey()), points, description, options, List.of()));
      }
    }
    return SpamFilterResult.scored(filter, score.doubleValue(), SPAM_THRESHOLD, action, rules);
  }
}
