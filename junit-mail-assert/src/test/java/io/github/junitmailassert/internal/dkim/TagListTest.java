package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class TagListTest {

  @Test
  void should_read_tags_when_whitespace_and_folding_surround_them() throws DkimFailure {
    // WHEN
    TagList tags = TagList.parse(" v = 1 ;\r\n\ta=rsa-sha256;  h=from : to ;\r\n z=x y;", "test");
    // THEN
    assertThat(tags.value("v")).contains("1");
    assertThat(tags.value("a")).contains("rsa-sha256");
    assertThat(tags.value("h")).contains("from : to");
    assertThat(tags.value("z")).contains("x y");
    assertThat(tags.value("V")).isEmpty();
  }

  @Test
  void should_accept_empty_list_and_trailing_semicolon() throws DkimFailure {
    assertThat(TagList.parse("", "test").tags()).isEmpty();
    assertThat(TagList.parse("a=1; ", "test").tags()).hasSize(1);
    assertThat(TagList.parse("p=", "test").value("p")).contains("");
  }

  @Test
  void should_fail_when_a_tag_appears_twice() {
    DkimFailure failure = catchThrowableOfType(DkimFailure.class, () -> TagList.parse("a=1; b=2; a=1", "the field"));
    assertThat(failure.reason()).isEqualTo("the field has the tag \"a=\" twice (RFC 6376 section 3.2)");
  }

  @Test
  void should_fail_when_a_tag_has_no_equals_sign() {
    DkimFailure failure = catchThrowableOfType(DkimFailure.class, () -> TagList.parse("k=rsa; t; p=abc", "the record"));
    assertThat(failure.reason()).isEqualTo("the record is not a valid tag-list: tag \"t\" has no \"=\"");
  }

  @Test
  void should_fail_when_tag_list_has_an_empty_tag_or_no_name() {
    assertThat(catchThrowableOfType(DkimFailure.class, () -> TagList.parse("a=1;; b=2", "x")).reason())
        .isEqualTo("x is not a valid tag-list: an empty tag between \";\"");
    assertThat(catchThrowableOfType(DkimFailure.class, () -> TagList.parse("=1", "x")).reason())
        .isEqualTo("x is not a valid tag-list: expected a tag name at \"=1\"");
  }

  @Test
  void should_blank_b_value_with_its_whitespace_when_signature_is_verified() {
    // GIVEN
    io.github.junitmailassert.internal.mail.HeaderField field = io.github.junitmailassert.internal.mail.RawMessage
        .parse("DKIM-Signature: v=1; b= abc\r\n def ; bh=xyz\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .headers().get(0);
    // WHEN
    byte[] blanked = SignatureField.read(field).withEmptySignature();
    // THEN
    assertThat(new String(blanked, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DKIM-Signature: v=1; b=; bh=xyz");
  }

  @Test
  void should_decode_dkim_quoted_printable_when_identity_has_escapes() {
    assertThat(SignatureField.decodeQuotedPrintable("=6Along@messiah.edu")).isEqualTo("jlong@messiah.edu");
    assertThat(SignatureField.decodeQuotedPrintable("jlong=40messiah=2Eedu")).isEqualTo("jlong@messiah.edu");
    assertThat(SignatureField.decodeQuotedPrintable("a=4")).isNull();
    assertThat(SignatureField.decodeQuotedPrintable("a=zz")).isNull();
  }
}
