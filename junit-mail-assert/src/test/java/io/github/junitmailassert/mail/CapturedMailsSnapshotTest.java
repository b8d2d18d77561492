package io.github.junitmailassert.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

/**
 * What {@link CapturedMails} returns is a snapshot of the mails so far that later mails do not
 * change. It is the first n of an append-only array, not a copy: a test that calls await(1),
 * await(2), ... await(n) does linear work in total, where it did quadratic work copying the list.
 */
class CapturedMailsSnapshotTest {

  private static CapturedMail.Builder mail(int i) {
    return CapturedMail.builder().envelopeSender("s" + i + "@sample.co.jp").recipient(i % 2 == 0 ? "even@example.com"
        : "odd@example.com").rawMessage("Subject: " + i + "\r\n\r\nx\r\n");
  }

  @Test
  void should_return_snapshots_that_later_mails_and_clear_leave_as_they_were() {
    // GIVEN
    CapturedMails mails = new CapturedMails();
    mails.add(mail(1));
    mails.add(mail(2));
    List<CapturedMail> two = mails.await(2);
    List<CapturedMail> even = mails.to("even@example.com");
    // WHEN more mails arrive, past the first array's 16 slots, and then the mails are cleared
    for (int i = 3; i <= 40; i++) {
      mails.add(mail(i));
    }
    List<CapturedMail> forty = mails.all();
    mails.clear();
    // THEN each snapshot still holds what it held
    assertThat(two).extracting(CapturedMail::envelopeSender).containsExactly("s1@sample.co.jp", "s2@sample.co.jp");
    assertThat(even).extracting(CapturedMail::sequence).containsExactly(2L);
    assertThat(forty).hasSize(40).isInstanceOf(RandomAccess.class);
    assertThat(forty.subList(0, 2)).isEqualTo(two);
    assertThat(forty.get(39).sequence()).isEqualTo(40);
    assertThat(mails.all()).isEmpty();
    assertThatThrownBy(() -> forty.get(40)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> two.add(forty.get(5))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> two.set(0, forty.get(5))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_answer_await_1_to_n_for_10_000_mails_with_the_mails_in_order() {
    CapturedMails mails = new CapturedMails();
    int n = 10_000;
    for (int i = 1; i <= n; i++) {
      mails.add(mail(i));
      List<CapturedMail> got = mails.await(i);
      assertThat(got.size()).isEqualTo(i);
      assertThat(got.get(i - 1).sequence()).isEqualTo(i);
    }
    List<CapturedMail> all = mails.await(n);
    for (int i = 0; i < n; i++) {
      assertThat(all.get(i).envelopeSender()).isEqualTo("s" + (i + 1) + "@sample.co.jp");
    }
    assertThat(mails.from("s5000@sample.co.jp")).extracting(CapturedMail::sequence).containsExactly(5000L);
    assertThat(mails.matching(m -> m.recipients().contains("odd@example.com"))).hasSize(n / 2);
  }

  @Test
  void should_not_copy_the_mails_on_each_await() {
    // GIVEN 10,000 mails, and a count of the bytes this thread allocates
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM counts no allocated bytes per thread");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
        "this JVM counts no allocated bytes per thread");
    CapturedMails mails = new CapturedMails();
    int n = 10_000;
    for (int i = 1; i <= n; i++) {
      mails.add(mail(i).sequence(i).build());
    }
    // WHEN a test waits for 1, 2, ... 10,000 mails
    long sizes = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 1; i <= n; i++) {
      sizes += mails.await(i).size();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // THEN it allocates a little per call; copying per call, as before, took 800 MB here
    assertThat(sizes).isEqualTo((long) n * n);
    assertThat(allocated).as("bytes allocated by 10,000 awaits").isLessThan(n * 1024L);
  }
}
