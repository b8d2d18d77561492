package io.github.junitmailassert.filter;

import org.apiguardian.api.API;

/** The real spam filters the receiver can ask, with the Debian packages that install them. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SpamFilter {
  /** Apache SpamAssassin, through its daemon {@code spamd} and the spamc protocol. */
  SPAMASSASSIN("SpamAssassin", "spamd", "spamassassin spamc spamd libmail-spf-perl"),
  /** rspamd, through its HTTP protocol ({@code /checkv2}). */
  RSPAMD("rspamd", "rspamd", "rspamd");

  private final String displayName;
  private final String program;
  private final String packages;

  SpamFilter(String displayName, String program, String packages) {
    this.displayName = displayName;
    this.program = program;
    this.packages = packages;
  }

  /** {@return the filter's own name, as reports write it} */
  public String displayName() {
    return displayName;
  }

  /** {@return the program that is started, such as {@code spamd}} */
  public String program() {
    return program;
  }

  /** {@return the Debian packages to install, separated by spaces} */
  public String packages() {
    return packages;
  }

  /** {@return how to install the filter, for skip and failure messages} */
  public String installHint() {
    return "apt-get install " + packages;
  }
}
