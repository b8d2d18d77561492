package io.github.junitmailassert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code sample in the published javadoc ({@code <pre>{@code ...}</pre>} outside the internal
 * packages) compiles against the library as it is. A sample is a fragment: it is compiled as the body
 * of a method beside fields named as samples name what a test has at hand (the mail, the zone, a
 * result...), or, when it declares members or a class, in a nested class.
 */
class JavadocSamplesTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /**
   * What samples may use without declaring it: what a test has at hand (fields, so that a sample may
   * declare a local of the same name), and stand-ins for the application and mail library samples
   * call.
   */
  private static final String AT_HAND = """
        static CapturedMail mail, bounce, tampered, unsigned, legacyMail, fixedMail, newsletter;
        static Path expectedCsv;
        static CapturedMails mails;
        static DnsZone zone;
        static SmtpEndpoint smtp;
        static Receiver receiver;
        static ReceiverResult result;
        static SpfResult spf, spfResult;
        static DkimSignatureResult dkim, signature;
        static DmarcResult dmarc;
        static String receivedField;
        static Resolver resolver;
        static AuthenticationResults.Builder builder;
        static App app;
        static Mailer mailer;
        interface App { void sendWelcome(String host, int port); }
        interface Mailer { void signWithDomainKey(byte[] privateKey, String domain, String selector); }
      """;

  private static final String IMPORTS = """
      import static io.github.junitmailassert.assertions.MailAssertions.assertThat;
      import static io.github.junitmailassert.assertions.MailAssertions.assertThatAttempts;
      import static io.github.junitmailassert.mail.SmtpAttempt.Outcome.*;
      import io.github.junitmailassert.*;
      import io.github.junitmailassert.assertions.*;
      import io.github.junitmailassert.authresults.*;
      import io.github.junitmailassert.blocklist.*;
      import io.github.junitmailassert.check.*;
      import io.github.junitmailassert.dkim.*;
      import io.github.junitmailassert.dmarc.*;
      import io.github.junitmailassert.dns.*;
      import io.github.junitmailassert.envelope.*;
      import io.github.junitmailassert.filter.*;
      import io.github.junitmailassert.format.*;
      import io.github.junitmailassert.host.*;
      import io.github.junitmailassert.mail.*;
      import io.github.junitmailassert.profile.*;
      import io.github.junitmailassert.receiver.*;
      import io.github.junitmailassert.report.*;
      import io.github.junitmailassert.spf.*;
      import java.net.*;
      import java.nio.file.*;
      import java.time.*;
      import java.util.*;
      import org.junit.jupiter.api.*;
      import org.junit.jupiter.api.extension.*;
      import org.xbill.DNS.Resolver;
      """;

  @Test
  void should_compile_every_sample_of_the_published_javadoc(@TempDir Path classes) throws IOException {
    List<Sample> samples = samples();
    assertThat(samples).as("samples found under %s", SOURCES.toAbsolutePath()).isNotEmpty();

    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      units.add(samples.get(i).unit("Sample" + i));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> options = List.of("-proc:none", "-Xlint:none", "-d", classes.toString(),
        "-classpath", classPath + File.pathSeparator + Path.of("target/classes").toAbsolutePath());
    javac.getTask(new StringWriter(), null, diagnostics, options, null, units).call();

    Set<String> errors = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        Sample sample = samples.get(Integer.parseInt(d.getSource().getName().replaceAll("\\D", "")));
        errors.add(sample.where + ": " + d.getMessage(Locale.ROOT) + "\n" + sample.code);
      }
    }
    assertThat(errors).as("samples that do not compile").isEmpty();
  }

  private static List<Sample> samples() throws IOException {
    List<Sample> samples = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !SOURCES.relativize(f).toString().replace('\\', '/').contains("/internal/"))
          .sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      int from = 0;
      while ((from = source.indexOf("<pre>{@code", from)) >= 0) {
        int start = from + "<pre>{@code".length();
        int end = matchingBrace(source, start);
        int line = (int) source.substring(0, from).chars().filter(c -> c == '\n').count() + 1;
        samples.add(new Sample(SOURCES.relativize(file) + ":" + line, javaOf(source.substring(start, end))));
        from = end;
      }
    }
    return samples;
  }

  /** Where the {@code {@code} that starts before {@code start} ends: javadoc counts its braces. */
  private static int matchingBrace(String source, int start) {
    int depth = 1;
    for (int i = start; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unclosed {@code at offset " + start);
  }

  /** The sample's code: the comment's leading stars removed and its entities read. */
  private static String javaOf(String commented) {
    return commented.lines().map(l -> l.replaceFirst("^\\s*\\*( |$)", ""))
        .collect(Collectors.joining("\n")).replace("&#64;", "@").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&").strip();
  }

  private record Sample(String where, String code) {

    JavaFileObject unit(String name) {
      boolean declaresTypes = code.lines().anyMatch(l -> l.matches("^(@.*|(public |final |static )*class .*|void .*)"));
      String body = "class " + name + " {\n" + AT_HAND
          + (declaresTypes ? "static class Members {\n" + code + "\n}" : "  void sample() throws Exception {\n" + code + "\n  }") + "\n}\n";
      String text = "package samples;\n" + IMPORTS + body;
      return new SimpleJavaFileObject(URI.create("string:///samples/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
    }
  }
}
