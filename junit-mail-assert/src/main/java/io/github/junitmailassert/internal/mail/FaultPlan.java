package io.github.junitmailassert.internal.mail;

import io.github.junitmailassert.mail.SmtpFaults;
import io.github.junitmailassert.mail.SmtpReply;
import io.github.junitmailassert.mail.SmtpStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What {@link SmtpFaults} told the capture server, and the state that faults keep (greylisted
 * triples, how many refusals are left, the seeded random draws). The capture server asks it at every
 * stage; {@link SmtpFaults} configures it. Thread-safe. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class FaultPlan {

  private static volatile Function<SmtpFaults, FaultPlan> access;

  /** What the server does at a stage: wait, then hang up, refuse, or (neither) answer as usual. */
  @API(status = API.Status.INTERNAL)
  public record Action(Duration delay, boolean drop, SmtpReply refusal) {
    static final Action NONE = new Action(Duration.ZERO, false, null);
  }

  private interface Rule {}

  private static final class Refuse implements Rule {
    final SmtpStage stage;
    final String recipient; // lower-cased; null: every one
    final SmtpReply reply;
    int left; // -1: always

    Refuse(SmtpStage stage, String recipient, SmtpReply reply, int left) {
      this.stage = stage;
      this.recipient = recipient;
      this.reply = reply;
      this.left = left;
    }
  }

  private record Delay(SmtpStage stage, Duration delay) implements Rule {}

  private record Drop(SmtpStage stage) implements Rule {}

  private record Rate(SmtpStage stage, double rate, SmtpReply reply, Random random) implements Rule {}

  // Guarded by this.
  private final List<Rule> rules = new ArrayList<>();
  private Duration greylistDelay; // null: no greylisting
  private SmtpReply greylistReply;
  private final Map<String, Instant> greylisted = new HashMap<>();
  private final Set<String> passed = new HashSet<>();

  /** Called once, by {@link SmtpFaults}'s class initializer. */
  public static void grant(Function<SmtpFaults, FaultPlan> plan) {
    if (access != null) {
      throw new IllegalStateException("the fault plan of SmtpFaults is granted once");
    }
    access = Objects.requireNonNull(plan, "plan");
  }

  /** The plan behind these faults. */
  public static FaultPlan of(SmtpFaults faults) {
    // An SmtpFaults instance exists, so its class initializer has granted access.
    return access.apply(Objects.requireNonNull(faults, "faults"));
  }

  public synchronized void refuse(SmtpStage stage, String recipient, SmtpReply reply, int times) {
    rules.add(new Refuse(stage, recipient == null ? null : recipient.toLowerCase(Locale.ROOT), reply, times));
  }

  public synchronized void delay(SmtpStage stage, Duration delay) {
    rules.add(new Delay(stage, delay));
  }

  public synchronized void drop(SmtpStage stage) {
    rules.add(new Drop(stage));
  }

  public synchronized void failureRate(SmtpStage stage, double rate, SmtpReply reply, long seed) {
    rules.add(new Rate(stage, rate, reply, new Random(seed)));
  }

  public synchronized void greylist(Duration minimumDelay, SmtpReply reply) {
    greylistDelay = minimumDelay;
    greylistReply = reply;
  }

  /** Forgets every fault and every greylisted triple. */
  public synchronized void clear() {
    rules.clear();
    greylistDelay = null;
    greylistReply = null;
    greylisted.clear();
    passed.clear();
  }

  /** Whether no fault is set (reports, and the session skipping its per-command check). */
  public synchronized boolean isEmpty() {
    return rules.isEmpty() && greylistDelay == null;
  }

  /**
   * What to do at {@code stage}: the delays of that stage added up, then a drop, the first refusal
   * that applies (a {@code refuse}, greylisting at RCPT, a failure drawn from a rate), or none.
   *
   * @param sender the envelope sender so far (null before MAIL)
   * @param recipient the RCPT address at {@link SmtpStage#RCPT}, else null
   */
  public synchronized Action at(SmtpStage stage, String clientIp, String sender, String recipient, Instant now) {
    if (rules.isEmpty() && greylistDelay == null) {
      return Action.NONE;
    }
    Duration delay = Duration.ZERO;
    boolean drop = false;
    for (Rule rule : rules) {
      if (rule instanceof Delay d && d.stage() == stage) {
        delay = delay.plus(d.delay());
      } else if (rule instanceof Drop d && d.stage() == stage) {
        drop = true;
      }
    }
    if (drop) {
      return new Action(delay, true, null);
    }
    return new Action(delay, false, refusal(stage, clientIp, sender, recipient, now));
  }

  private SmtpReply refusal(SmtpStage stage, String clientIp, String sender, String recipient, Instant now) {
    String wanted = recipient == null ? null : recipient.toLowerCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (rule instanceof Refuse r && r.stage == stage && r.left != 0
          && (r.recipient == null || r.recipient.equals(wanted))) {
        if (r.left > 0) {
          r.left--;
        }
        return r.reply;
      }
    }
    if (stage == SmtpStage.RCPT && greylistDelay != null) {
      // As real greylisters do: the client's IP, the envelope sender and the recipient (RFC 6647 section 2.1).
      String triple = clientIp + "\0" + (sender == null ? "" : sender.toLowerCase(Locale.ROOT)) + "\0" + wanted;
      if (!passed.contains(triple)) {
        Instant first = greylisted.putIfAbsent(triple, now);
        if (first == null || Duration.between(first, now).compareTo(greylistDelay) < 0) {
          return greylistReply;
        }
        passed.add(triple);
        greylisted.remove(triple);
      }
    }
    for (Rule rule : rules) {
      if (rule instanceof Rate r && r.stage() == stage && r.random().nextDouble() < r.rate()) {
        return r.reply();
      }
    }
    return null;
  }

  /** The faults set, one per line, for {@link SmtpFaults#toString()}. */
  public synchronized String describe() {
    List<String> out = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule instanceof Refuse r) {
        out.add("refuse " + (r.recipient == null ? "at " + r.stage : "RCPT TO:<" + r.recipient + ">") + " with " + r.reply
            + (r.left < 0 ? "" : " (" + r.left + " more time(s))"));
      } else if (rule instanceof Delay d) {
        out.add("wait " + d.delay().toMillis() + " ms before the reply at " + d.stage());
      } else if (rule instanceof Drop d) {
        out.add("drop the connection at " + d.stage());
      } else if (rule instanceof Rate r) {
        out.add("refuse " + Math.round(r.rate() * 100) + " % at " + r.stage() + " with " + r.reply());
      }
    }
    if (greylistDelay != null) {
      out.add("greylist each new client, sender and recipient with " + greylistReply + " for at least "
          + greylistDelay.toMillis() + " ms");
    }
    return out.isEmpty() ? "no faults" : String.join(", ", out);
  }
}
