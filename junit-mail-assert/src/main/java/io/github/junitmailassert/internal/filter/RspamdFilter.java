package io.github.junitmailassert.internal.filter;

import io.github.junitmailassert.filter.FilterAction;
import io.github.junitmailassert.filter.FilterRule;
import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.filter.SpamFilterResult;
import io.github.junitmailassert.internal.syntax.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private URI checkv2;

  RspamdFilter(String program, int workers) {
    super(SpamFilter.RSPAMD);
    this.program = program;
    this.workers = workers;
  }

  @Override
  FilterProcess launch() {
    int port = FilterProcess.freePort();
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
    checkv2 = URI.create("http://127.0.0.1:" + port + "/checkv2");
    return startProgram("rspamd", command, dir.resolve("rspamd.log"), port, START_TIMEOUT);
  }

  /**
   * The compiled regular expressions, kept between JVMs (they only depend on the rules): the
   * first start compiles them for seconds, later ones load them.
   */
  private static Path hyperscanCache() {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "junit-mail-assert-rspamd-hyperscan-"
        + System.getProperty("user.name"));
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new IllegalStateException("cannot make " + cache + ": " + e.getMessage(), e);
    }
    return cache;
  }

  @Override
  SpamFilterResult scoreInGate(FilterRequest request) throws IOException {
    HttpRequest.Builder post = HttpRequest.newBuilder(checkv2).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.message()))
        .header("IP", request.clientIp().getHostAddress())
        .header("Hostname", request.clientName().isBlank() ? "unknown" : request.clientName())
        .header("MTA-Name", request.receivingHost())
        .header("From", "<" + request.envelopeSender() + ">");
    if (!request.heloName().isBlank()) {
      post.header("Helo", request.heloName());
    }
    for (String rcpt : request.recipients()) {
      post.header("Rcpt", "<" + rcpt + ">");
    }
    HttpResponse<String> reply;
    try {
      reply = http.send(post.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (reply.statusCode() != 200) {
      throw new IOException("rspamd answered HTTP " + reply.statusCode() + ": "
          + SpamdFilter.abbreviate(reply.body()));
    }
    return parse(reply.body());
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
