package io.github.junitmailassert.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.SeedStory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same mail scored in this JVM and in a second one (a forked java process that starts its own
 * spamd and rspamd) gets the same score and the same rules from both filters.
 */
class SpamFilterSecondJvmTest {

  /** Scores the misconfigured seed mail sent at the instant in {@code args[0]} and prints both verdicts. */
  public static void main(String[] args) {
    System.out.print(verdicts(Instant.parse(args[0])));
    System.exit(0); // the shutdown hook stops both filters
  }

  static String verdicts(Instant at) {
    StringBuilder out = new StringBuilder();
    for (SpamFilter filter : SpamFilter.values()) {
      SpamFilterResult result = Receiver.checkOf(SeedStory.misconfigured(SeedStory.misconfiguredZone(), at))
          .spamFilter(filter);
      out.append(result.summary()).append('\n');
      result.rules().forEach(r -> out.append("  ").append(r.score()).append(' ').append(r.name()).append(' ')
          .append(r.details()).append('\n'));
    }
    return out.toString();
  }

  @Test
  void should_give_the_same_scores_and_rules_in_a_second_jvm() throws Exception {
    for (SpamFilter filter : SpamFilter.values()) {
      Filters.assumeInstalled(filter);
    }
    Instant at = SeedStory.now();
    String here = verdicts(at);

    String there = fork(at);

    assertThat(here).contains("SpamAssassin 2.3 / 5.0 (no action)", "rspamd 5.1 / 6.0 (no action)");
    assertThat(there).isEqualTo(here);
  }

  private static String fork(Instant at) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        SpamFilterSecondJvmTest.class.getName(), at.toString())).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
    return new String(output, StandardCharsets.UTF_8);
  }
}
