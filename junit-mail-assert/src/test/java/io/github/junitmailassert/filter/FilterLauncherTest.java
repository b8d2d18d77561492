package io.github.junitmailassert.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.mail.CapturedMail;
import io.github.junitmailassert.receiver.Receiver;
import io.github.junitmailassert.testing.Filters;
import io.github.junitmailassert.testing.Received;
import io.github.junitmailassert.testing.SeedStory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A receiver that names a {@link FilterLauncher} has its filters started through it, with the same
 * configuration and command as a local process (which a container launcher runs on the host's
 * network with the paths mounted), and gets the same verdict; a launcher that fails gives a
 * not-scored verdict that says where and why.
 */
class FilterLauncherTest {

  /** Starts the program as this machine's process itself, as a container launcher would start it in a container. */
  private static class Recording implements FilterLauncher {
    final List<Launch> launches = new CopyOnWriteArrayList<>();

    @Override
    public Launched launch(Launch launch) {
      launches.add(launch);
      List<String> command = new ArrayList<>(launch.command());
      command.set(0, onPath(command.get(0)));
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(launch.log().toFile())
            .start();
        return new Launched() {
          @Override
          public boolean isAlive() {
            return process.isAlive();
          }

          @Override
          public boolean waitForExit(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
          }

          @Override
          public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
          }
        };
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public String where() {
      return "the recording launcher";
    }
  }

  private static String onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program).toString();
      }
    }
    return program;
  }

  private static SpamFilterResult scoreWith(FilterLauncher launcher, SpamFilter filter) {
    DnsZone zone = SeedStory.fixedZone();
    CapturedMail mail = SeedStory.fixed(zone);
    return Receiver.builder(zone.resolver()).clientIp(SeedStory.CLIENT_IP).clock(Received.CLOCK)
        .spamFiltersIn(launcher).build().check(mail).spamFilter(filter);
  }

  @Test
  void should_start_the_filter_through_the_launcher_with_the_local_command_and_give_the_same_verdict() {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN);
    Recording launcher = new Recording();
    DnsZone zone = SeedStory.fixedZone();
    CapturedMail mail = SeedStory.fixed(zone);

    SpamFilterResult launched = Receiver.builder(zone.resolver()).clientIp(SeedStory.CLIENT_IP).clock(Received.CLOCK)
        .spamFiltersIn(launcher).build().check(mail).spamAssassin();
    SpamFilterResult local = Receiver.checkOf(mail).spamAssassin();

    assertThat(launched.isScored()).as(launched.reason()).isTrue();
    assertThat(launched).isEqualTo(local);
    assertThat(launcher.launches).singleElement().satisfies(launch -> {
      assertThat(launch.filter()).isEqualTo(SpamFilter.SPAMASSASSIN);
      assertThat(launch.command().get(0)).isEqualTo("spamd");
      assertThat(launch.command()).contains("127.0.0.1:" + launch.port());
      assertThat(launch.paths()).singleElement().asString().contains("junit-mail-assert-spamd-");
      assertThat(launch.log().getParent()).isEqualTo(launch.paths().get(0));
    });
    // Started once for the launcher: the next mail is scored by the same program, also through
    // another launcher of the same class that names the same place.
    assertThat(scoreWith(launcher, SpamFilter.SPAMASSASSIN).isScored()).isTrue();
    Recording samePlace = new Recording();
    assertThat(scoreWith(samePlace, SpamFilter.SPAMASSASSIN).isScored()).isTrue();
    assertThat(launcher.launches).hasSize(1);
    assertThat(samePlace.launches).isEmpty();
  }

  @Test
  void should_say_where_and_why_when_the_launcher_cannot_start_the_filter() {
    FilterLauncher refusing = new FilterLauncher() {
      @Override
      public Launched launch(Launch launch) {
        throw new IllegalStateException("no Docker engine answers");
      }

      @Override
      public String where() {
        return "a container of image shop/filters:1";
      }
    };

    SpamFilterResult result = scoreWith(refusing, SpamFilter.RSPAMD);

    assertThat(result.status()).isEqualTo(SpamFilterResult.Status.FAILED);
    assertThat(result.reason()).isEqualTo("rspamd did not start in a container of image shop/filters:1:"
        + " cannot start rspamd: no Docker engine answers");
  }

  @Test
  void should_quote_the_programs_output_when_it_exits_at_once() {
    FilterLauncher broken = new Recording() {
      @Override
      public Launched launch(Launch launch) {
        return super.launch(new Launch(launch.filter(), List.of("sh", "-c", "echo 'spamd: not found'; exit 127"),
            launch.paths(), launch.log(), launch.port()));
      }
    };

    SpamFilterResult result = scoreWith(broken, SpamFilter.SPAMASSASSIN);

    assertThat(result.status()).isEqualTo(SpamFilterResult.Status.FAILED);
    assertThat(result.reason()).isEqualTo("spamd did not start in the recording launcher: spamd exited: spamd: not found");
  }
}
