package io.github.junitmailassert.senders.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program as if on the classic misconfigured server: a machine whose host name is
 * {@code localhost.localdomain}. The program runs in private UTS and mount namespaces
 * ({@code unshare}) with that host name and a private hosts file bind-mounted on
 * {@code /etc/hosts}; the machine's own host name and files are not touched.
 *
 * <p>It also avoids sendmail's 60-second sleep at start on a host name without a dot. Needs root.
 */
public final class LocaldomainHost {

  /** The host name inside. */
  public static final String HOST_NAME = "localhost.localdomain";

  private final Path hostsFile;

  private LocaldomainHost(Path hostsFile) {
    this.hostsFile = hostsFile;
  }

  /** Writes the private hosts file into {@code dir}. */
  public static LocaldomainHost in(Path dir) {
    Path hosts = dir.resolve("hosts");
    try {
      // Both lines: without the ::1 one sendmail still asks a DNS server about its own name.
      Files.writeString(hosts, "127.0.0.1 localhost localhost.localdomain\n::1 localhost localhost.localdomain\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocaldomainHost(hosts);
  }

  /** The command line that runs {@code command} on this host. */
  public List<String> command(List<String> command) {
    List<String> full = new ArrayList<>(List.of(Tools.path("unshare"), "--uts", "--mount", "sh", "-c",
        "hostname \"$0\" && mount --bind \"$1\" /etc/hosts && shift && exec \"$@\"", HOST_NAME, hostsFile.toString()));
    full.addAll(command);
    return full;
  }

  /** Runs {@code command} on this host with {@code stdin}. */
  public Tools.Result run(byte[] stdin, List<String> command) {
    return Tools.run(stdin, command(command));
  }
}
