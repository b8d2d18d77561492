package io.github.junitmailassert.internal.filter;

import org.xbill.DNS.Resolver;

/**
 * Lets a filter score mails of one zone at a time: any number of mails whose DNS is the same
 * resolver score together; a mail of another zone waits until they are done, and while it waits
 * no new mail of the current zone starts (so it is not starved). The filter's DNS front answers
 * from {@link #current()}. Internal.
 */
final class ZoneGate {

  private Resolver current;
  private int scoring;
  private int waiting;
  /** Counts the times the gate opened (no mail scoring), so a mail that queued waits for the next one. */
  private long openings;

  /** Waits until mails resolving through {@code dns} may score, and marks one as scoring. */
  synchronized void enter(Resolver dns) throws InterruptedException {
    if (current != null && (current != dns || waiting > 0)) {
      // Another zone scores, or waits: queue behind it until the gate has opened once.
      long opening = openings;
      waiting++;
      try {
        while (openings == opening || current != null && current != dns) {
          wait();
        }
      } finally {
        waiting--;
      }
    }
    current = dns;
    scoring++;
  }

  /** Marks one mail of the current zone as done; the last one opens the gate for another zone. */
  synchronized void leave() {
    if (--scoring == 0) {
      current = null;
      openings++;
      notifyAll();
    }
  }

  /** The resolver that answers the filter's DNS now, or null while no mail is scored. */
  synchronized Resolver current() {
    return current;
  }
}
