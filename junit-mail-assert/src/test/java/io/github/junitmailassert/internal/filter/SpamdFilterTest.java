package io.github.junitmailassert.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.filter.SpamFilter;
import io.github.junitmailassert.testing.Filters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How spamd is started (under its Perl without taint checks, or as it is), and the plugin it loads. */
class SpamdFilterTest {

  @TempDir
  Path dir;

  @Test
  void should_start_a_perl_spamd_under_its_perl_with_its_switches_but_without_taint_checks() throws Exception {
    Path spamd = Files.writeString(dir.resolve("spamd"), "#!/usr/bin/perl -T -w\n# spamd\n");
    Path combined = Files.writeString(dir.resolve("spamd-combined"), "#!/usr/bin/perl5.36 -wT -Mstrict\n");

    assertThat(SpamdFilter.interpreter(spamd.toString())).containsExactly("/usr/bin/perl", "-w", "-e",
        SpamdFilter.RUN_SCRIPT, "--", spamd.toString());
    assertThat(SpamdFilter.interpreter(combined.toString())).containsExactly("/usr/bin/perl5.36", "-w", "-Mstrict",
        "-e", SpamdFilter.RUN_SCRIPT, "--", combined.toString());
  }

  @Test
  void should_run_the_script_with_its_arguments_its_name_and_its_exit_status_without_taint_checks()
      throws Exception {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN); // its Perl
    Path script = perlScript(Files.writeString(dir.resolve("script.pl"),
        "print join(',', $0 =~ m{([^/]+)$}, ${^TAINT}, @ARGV), qq{\\n}; exit 3;\n"));

    Process perl = new ProcessBuilder(command(script, "-x", "--max-children=4")).redirectErrorStream(true).start();
    String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(perl.waitFor()).as(out).isEqualTo(3);
    assertThat(out).isEqualTo("script.pl,0,-x,--max-children=4\n");
  }

  @Test
  void should_fail_with_the_script_s_own_error_or_the_path_it_cannot_read() throws Exception {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN); // its Perl
    Path script = perlScript(Files.writeString(dir.resolve("dies.pl"), "die qq{no configuration\\n};\n"));

    Process dies = new ProcessBuilder(command(script)).redirectErrorStream(true).start();
    Process unreadable = new ProcessBuilder(List.of("/usr/bin/perl", "-e", SpamdFilter.RUN_SCRIPT, "--",
        dir.resolve("absent").toString())).redirectErrorStream(true).start();

    assertThat(new String(dies.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("no configuration\n");
    assertThat(dies.waitFor()).isNotZero();
    assertThat(new String(unreadable.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("cannot read " + dir.resolve("absent") + "\n");
    assertThat(unreadable.waitFor()).isNotZero();
  }

  @Test
  void should_start_a_spamd_that_is_not_a_perl_script_as_it_is() throws Exception {
    Path wrapper = Files.writeString(dir.resolve("spamd"), "#!/bin/sh\nexec /usr/sbin/spamd \"$@\"\n");

    assertThat(SpamdFilter.interpreter(wrapper.toString())).containsExactly(wrapper.toString());
    assertThat(SpamdFilter.interpreter(dir.resolve("absent").toString()))
        .containsExactly(dir.resolve("absent").toString());
  }

  @Test
  void should_start_a_program_named_for_another_launcher_as_it_is_even_beside_a_perl_spamd() throws Exception {
    // A container launcher gets the bare name; a spamd script in the working directory is not it.
    assertThat(SpamdFilter.interpreter("spamd")).containsExactly("spamd");
  }

  @Test
  void should_skip_only_the_restore_from_the_backup_and_keep_only_the_glue_methods() throws Exception {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN); // its Perl and Mail::SpamAssassin::Plugin
    Path plugin = Files.writeString(dir.resolve(SpamdFilter.KEEP_CONFIG_MODULE + ".pm"), SpamdFilter.KEEP_CONFIG);
    Path script = perlScript(Files.writeString(dir.resolve("copies.pl"), String.join("\n",
        "require q{" + plugin + "};", // loads SpamAssassin, whose two subs are replaced by ones that show their calls
        "no warnings 'redefine';",
        "*Mail::SpamAssassin::copy_config = sub {",
        "  my (undef, $source, $dest) = @_; print defined $source ? 'restore ' : 'backup '; 7 };",
        "*Mail::SpamAssassin::PerMsgStatus::finish = sub {",
        "  print 'deletes ', join(',', @Mail::SpamAssassin::PerMsgStatus::TEMPORARY_METHODS), ' ' };",
        "JunitMailAssertKeepConfig->new(bless {}, 'Mail::SpamAssassin');",
        "JunitMailAssertKeepConfig->new(bless {}, 'Mail::SpamAssassin');", // patches once
        "print Mail::SpamAssassin::copy_config(undef, undef, {}), ' ';",
        "print Mail::SpamAssassin::copy_config(undef, {}, undef), ' ';",
        "print Mail::SpamAssassin::copy_config(undef, {}, {}), ' ';",
        "%Mail::SpamAssassin::PerMsgStatus::TEMPORARY_EVAL_GLUE_METHODS = (check_glue => undef);",
        "@Mail::SpamAssassin::PerMsgStatus::TEMPORARY_METHODS = qw(check_glue Other::generated);",
        "Mail::SpamAssassin::PerMsgStatus::finish();",
        "print qq{\\n};",
        "")));

    Process perl = new ProcessBuilder(command(script)).redirectErrorStream(true).start();
    String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(perl.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("backup 7 1 restore 7 deletes Other::generated \n");
  }

  @Test
  void should_load_the_plugin_from_beside_init_pre_under_taint_checks_in_a_directory_with_a_space() throws Exception {
    Filters.assumeInstalled(SpamFilter.SPAMASSASSIN); // its Perl and Mail::SpamAssassin
    Path site = Files.createDirectories(dir.resolve("site dir"));
    Files.writeString(site.resolve("init.pre"), SpamdFilter.initPre());
    Files.writeString(site.resolve(SpamdFilter.KEEP_CONFIG_MODULE + ".pm"), SpamdFilter.KEEP_CONFIG);
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Path home = Files.createDirectories(dir.resolve("home"));
    String program = String.join("\n",
        "use Mail::SpamAssassin;",
        "my $sa = Mail::SpamAssassin->new({rules_filename => q{" + rules + "}, site_rules_filename => q{" + site + "},",
        "  userprefs_filename => q{" + home.resolve("none") + "}, home_dir_for_helpers => q{" + home + "},",
        "  local_tests_only => 1, dont_copy_prefs => 1});",
        "$sa->init(0);",
        "print join(',', grep { /JunitMailAssert/ } map { ref } @{$sa->{plugins}->{plugins}}), ' ';",
        "my %backup;",
        "$sa->copy_config(undef, \\%backup);", // the backup spamd takes, then the restore it skips
        "print scalar(keys %backup) ? 'backed up ' : 'nothing backed up ', $sa->copy_config(\\%backup, undef), qq{\\n};",
        "");
    Path errors = dir.resolve("errors.txt");
    Process perl = new ProcessBuilder("/usr/bin/perl", "-T", "-w", "-e", program).redirectError(errors.toFile()).start();
    String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(perl.waitFor()).as(Files.readString(errors)).isZero();
    assertThat(out).as(Files.readString(errors)).isEqualTo("JunitMailAssertKeepConfig backed up 1\n");
  }

  @Test
  void should_start_a_spamd_whose_shebang_bundles_taint_checks_with_other_switches_as_it_is() throws Exception {
    Path bundled = Files.writeString(dir.resolve("spamd"), "#!/usr/bin/perl -wTl\n");

    assertThat(SpamdFilter.interpreter(bundled.toString())).containsExactly(bundled.toString());
  }

  private static List<String> command(Path script, String... arguments) {
    List<String> command = new ArrayList<>(SpamdFilter.interpreter(script.toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path perlScript(Path script) throws Exception {
    return Files.writeString(script, "#!/usr/bin/perl -T -w\n" + Files.readString(script));
  }
}
