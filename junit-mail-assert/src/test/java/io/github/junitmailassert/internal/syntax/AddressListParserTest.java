package io.github.junitmailassert.internal.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.internal.syntax.AddressListParser.Lenient;
import io.github.junitmailassert.internal.syntax.AddressListParser.Mailbox;
import io.github.junitmailassert.internal.syntax.AddressListParser.Result;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressListParserTest {

  @Test
  void should_read_every_mailbox_when_the_value_is_an_address_list() {
    // WHEN
    Result result = AddressListParser.parse(
        "Root <root@localhost.localdomain>, \"A, B\" <a@[192.0.2.1]>, Team: c@d.example, e@(x) f . example;, root");
    // THEN
    assertThat(result).isEqualTo(new Result(List.of(
        new Mailbox("root", "localhost.localdomain", false, false),
        new Mailbox("a", "[192.0.2.1]", true, false),
        new Mailbox("c", "d.example", false, false),
        new Mailbox("e", "f.example", false, false),
        new Mailbox("root", "", false, false)), ""));
  }

  @Test
  void should_give_the_problem_when_words_follow_a_domain_without_a_dot() {
    assertThat(AddressListParser.parse("x@y.local root")).isEqualTo(new Result(List.of(), "unexpected 'r' at position 10"));
    assertThat(AddressListParser.parse("g: a@b c@d;")).isEqualTo(new Result(List.of(), "unexpected 'c' at position 7"));
    assertThat(AddressListParser.parse("a@[1[2]")).isEqualTo(new Result(List.of(), "an address literal holds '[' at position 4"));
  }

  @Test
  void should_read_the_same_as_parse_when_read_leniently_and_the_value_is_an_address_list() {
    assertThat(AddressListParser.readLeniently("A <a@b.example>, c@d.example")).isEqualTo(new Lenient(List.of(
        new Mailbox("a", "b.example", false, false), new Mailbox("c", "d.example", false, false)), List.of(), ""));
  }

  @Test
  void should_keep_what_it_read_and_the_domains_it_skipped_when_the_value_is_not_an_address_list() {
    // WHEN
    Lenient lenient = AddressListParser.readLeniently("root@localhost, x@y.local root, <>, z@Host.Local.");
    // THEN: the element in error and everything after it is read for addr-spec-like tokens
    assertThat(lenient).isEqualTo(new Lenient(List.of(new Mailbox("root", "localhost", false, false)),
        List.of("y.local", "Host.Local."), "unexpected 'r' at position 26"));
    assertThat(lenient.domains()).containsExactly("localhost", "y.local", "Host.Local.");
  }

  @Test
  void should_skip_quoted_strings_and_comments_when_it_reads_skipped_text() {
    assertThat(AddressListParser.readLeniently("\"a@quoted.example\" (b@comment.example) bad@@x.local").domains())
        .containsExactly("x.local");
    assertThat(AddressListParser.readLeniently("x@[127.0.0.1] junk, y@[::1 ] <z@exa(c)mple.com").domains())
        .containsExactly("[127.0.0.1]", "example.com");
    assertThat(AddressListParser.readLeniently("\"x@quoted.example, y@z.example").domains()).isEmpty();
  }

  @Test
  void should_stay_bounded_when_the_value_is_hostile() {
    // deep comments: the strict pass stops at 64 levels, the lenient pass counts them and reads nothing
    assertThat(AddressListParser.readLeniently("(".repeat(100_000) + "a@x.local"))
        .isEqualTo(new Lenient(List.of(), List.of(), "comments nest more than 64 deep"));
    assertThat(AddressListParser.parse("(".repeat(64) + ")".repeat(64) + "a@b.example").mailboxes()).hasSize(1);
    // many '@' signs and unclosed literals
    assertThat(AddressListParser.readLeniently("@".repeat(200_000)))
        .isEqualTo(new Lenient(List.of(), List.of(), "unexpected '@' at position 0"));
    assertThat(AddressListParser.readLeniently("@[".repeat(100_000)).domains()).isEmpty();
    assertThat(AddressListParser.readLeniently("@[a@".repeat(50_000)).domains()).isEmpty();
    // a long domain in skipped text is cut at 255 characters, as a domain name cannot be longer
    assertThat(AddressListParser.readLeniently("<x@" + "a".repeat(300)).skippedDomains()).containsExactly("a".repeat(255));
    // more mailboxes than are read: the first 1000 are mailboxes, the rest skipped text
    Lenient many = AddressListParser.readLeniently("a@b, ".repeat(100_000));
    assertThat(many.problem()).isEqualTo("more than 1000 addresses");
    assertThat(many.mailboxes()).hasSize(1000);
    assertThat(many.skippedDomains()).isEqualTo(Collections.nCopies(99_000, "b"));
  }
}
