package io.github.junitmailassert.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.testing.Filters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How spamd is started: under its Perl with the module that keeps its configuration, or as it is. */
class SpamdFilterTest {

  @TempDir
  Path dir;

  @Test
  void should_start_a_perl_spamd_under_its_perl_with_its_switches_and_the_keep_config_module() throws Exception {
    Path spamd = Files.writeString(dir.resolve("spamd"), "#!/usr/bin/perl -T -w\n# spamd\n");
    Path modules = dir.resolve("perl");

    assertThat(SpamdFilter.interpreter(spamd.toString(), modules)).containsExactly("/usr/bin/perl", "-T", "-w",
        "-I" + modules, "-MJunitMailAssertKeepConfig", spamd.toString());
  }

  @Test
  void should_start_a_spamd_that_is_not_a_perl_script_as_it_is() throws Exception {
    Path wrapper = Files.writeString(dir.resolve("spamd"), "#!/bin/sh\nexec /usr/sbin/spamd \"$@\"\n");

    assertThat(SpamdFilter.interpreter(wrapper.toString(), dir)).containsExactly(wrapper.toString());
    assertThat(SpamdFilter.interpreter(dir.resolve("absent").toString(), dir))
        .containsExactly(dir.resolve("absent").toString());
  }

  @Test
  void should_start_a_program_named_for_another_launcher_as_it_is_even_beside_a_perl_spamd() throws Exception {
    // A container launcher gets the bare name; a spamd script in the working directory is not it.
    assertThat(SpamdFilter.interpreter("spamd", dir)).containsExactly("spamd");
  }

  @Test
  void should_skip_only_the_restore_from_the_backup_and_pass_every_other_copy_on() throws Exception {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN); // its Perl
    Path modules = Files.createDirectories(dir.resolve("perl"));
    Files.writeString(modules.resolve(SpamdFilter.KEEP_CONFIG_MODULE + ".pm"), SpamdFilter.KEEP_CONFIG);
    Path script = Files.writeString(dir.resolve("copies.pl"), String.join("\n",
        "package Mail::SpamAssassin;",
        "sub copy_config { my (undef, $source, $dest) = @_; print defined $source ? 'restore ' : 'backup '; 7 }",
        "package main;",
        "print Mail::SpamAssassin::copy_config(undef, undef, {}), ' ';",
        "print Mail::SpamAssassin::copy_config(undef, {}, undef), ' ';",
        "print Mail::SpamAssassin::copy_config(undef, {}, {}), qq{\\n};",
        ""));
    Process perl = new ProcessBuilder(SpamdFilter.interpreter(perlScript(script), modules)).redirectErrorStream(true)
        .start();
    String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(perl.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("backup 7 1 restore 7\n");
  }

  private String perlScript(Path script) throws Exception {
    String text = Files.readString(script);
    Files.writeString(script, "#!/usr/bin/perl -T -w\n" + text);
    return script.toString();
  }
}
