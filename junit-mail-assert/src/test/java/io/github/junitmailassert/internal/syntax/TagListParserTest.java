package io.github.junitmailassert.internal.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitmailassert.internal.syntax.TagListParser.Dialect;
import io.github.junitmailassert.internal.syntax.TagListParser.Kind;
import io.github.junitmailassert.internal.syntax.TagListParser.Problem;
import io.github.junitmailassert.internal.syntax.TagListParser.Result;
import io.github.junitmailassert.internal.syntax.TagListParser.Tag;
import org.junit.jupiter.api.Test;

class TagListParserTest {

  @Test
  void should_read_tags_with_their_positions_when_folding_surrounds_them() {
    // WHEN
    Result result = TagListParser.parse(" v = 1 ;\r\n\ta=rsa-sha256; b= abc\r\n def ;", Dialect.DKIM);
    // THEN: values lose the white space around them, keep the folding inside; a trailing ';' is allowed
    assertThat(result.parts()).containsExactly(
        new Tag(0, "v", "1", 4, 7),
        new Tag(1, "a", "rsa-sha256", 13, 23),
        new Tag(2, "b", "abc\r\n def", 27, 38));
  }

  @Test
  void should_give_every_problem_in_order_when_the_dkim_tag_list_is_broken() {
    // WHEN
    Result result = TagListParser.parse("=1; a; b=\u0001; c=1; c=2;; d=4", Dialect.DKIM);
    // THEN
    assertThat(result.parts()).containsExactly(
        new Problem(0, Kind.NO_NAME, "", 0, 2),
        new Problem(1, Kind.NO_EQUALS, "a", 4, 5),
        new Problem(2, Kind.CONTROL_CHARACTER, "b", 7, 10),
        new Tag(3, "c", "1", 14, 15),
        new Problem(4, Kind.DUPLICATE, "c", 17, 20),
        new Problem(5, Kind.EMPTY_TAG, "", 21, 21),
        new Tag(6, "d", "4", 25, 26));
    assertThat(result.textOf(result.problems().get(3))).isEqualTo("c=2");
  }

  @Test
  void should_read_a_dmarc_record_with_the_dmarc_differences() {
    // WHEN
    Result result = TagListParser.parse("V=DMARC1;;p = reject ;P=none; adkim=; foo_1=x; \r\n", Dialect.DMARC);
    // THEN: empty tag-specs skipped, names ignore case, empty values and digits in names are problems,
    // and CR LF is not white space in a TXT record
    assertThat(result.parts()).containsExactly(
        new Tag(0, "V", "DMARC1", 2, 8),
        new Tag(2, "p", "reject", 13, 21),
        new Problem(3, Kind.DUPLICATE, "P", 22, 28),
        new Problem(4, Kind.EMPTY_VALUE, "adkim", 30, 36),
        new Problem(5, Kind.NO_EQUALS, "foo", 38, 45),
        new Problem(6, Kind.NO_NAME, "", 47, 49));
  }

  @Test
  void should_accept_an_empty_list_in_both_dialects() {
    assertThat(TagListParser.parse("", Dialect.DKIM).parts()).isEmpty();
    assertThat(TagListParser.parse(" \t", Dialect.DMARC).parts()).isEmpty();
    assertThat(TagListParser.parse("p=", Dialect.DKIM).parts()).containsExactly(new Tag(0, "p", "", 2, 2));
  }

  @Test
  void should_read_every_tag_spec_once_when_the_list_is_hostile() {
    // many separators, many duplicates, one huge value: one result per tag-spec, nothing read twice
    assertThat(TagListParser.parse(";".repeat(100_000), Dialect.DKIM).problems())
        .hasSize(100_000).allMatch(p -> p.kind() == Kind.EMPTY_TAG);
    assertThat(TagListParser.parse(";".repeat(100_000), Dialect.DMARC).parts()).isEmpty();
    Result duplicates = TagListParser.parse("a=1;".repeat(50_000), Dialect.DKIM);
    assertThat(duplicates.tags()).containsExactly(new Tag(0, "a", "1", 2, 3));
    assertThat(duplicates.problems()).hasSize(49_999).allMatch(p -> p.kind() == Kind.DUPLICATE);
    String huge = "x".repeat(1_000_000);
    assertThat(TagListParser.parse("b=" + huge, Dialect.DKIM).tags())
        .containsExactly(new Tag(0, "b", huge, 2, 1_000_002));
  }
}
