package io.github.junitmailassert.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitmailassert.dkim.DkimKeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class KeyRecordTest {

  private static final DkimKeyPair KEY = DkimKeyPair.rsa("sel", "example.com", 1024);
  private static final String NAME = "sel._domainkey.example.com";

  @Test
  void should_decode_a_key_once_when_the_same_record_is_read_again() throws DkimFailure {
    // GIVEN
    Map<String, KeyRecord.Decoded> decoded = new ConcurrentHashMap<>();
    // WHEN
    KeyRecord first = read(KEY.publicKeyRecord() + "; t=y", "@example.com", decoded);
    KeyRecord second = read(KEY.publicKeyRecord() + "; t=y", "@example.com", decoded);
    KeyRecord other = read(KEY.publicKeyRecord(), "@example.com", decoded);
    // THEN
    assertThat(decoded).hasSize(2);
    assertThat(second.key()).isSameAs(first.key());
    assertThat(second.keyBits()).isEqualTo(first.keyBits()).isEqualTo(1024);
    assertThat(second.testing()).isTrue();
    assertThat(other.key()).isNotSameAs(first.key()).isEqualTo(first.key());
    assertThat(other.testing()).isFalse();
  }

  @Test
  void should_still_check_the_record_when_its_key_was_decoded_before() throws DkimFailure {
    // GIVEN a record already read for one signature
    Map<String, KeyRecord.Decoded> decoded = new ConcurrentHashMap<>();
    read(KEY.publicKeyRecord(), "@example.com", decoded);
    read(KEY.publicKeyRecord() + "; t=s", "@example.com", decoded);
    // WHEN the record is strict (t=s) and a subdomain signs
    DkimFailure failure = catchThrowableOfType(DkimFailure.class,
        () -> read(KEY.publicKeyRecord() + "; t=s", "@mail.example.com", decoded));
    // THEN
    assertThat(failure.reason()).isEqualTo("the key record at " + NAME
        + " has t=s (strict): i=@mail.example.com must be in d=example.com itself, not a subdomain");
  }

  private static KeyRecord read(String text, String identity, Map<String, KeyRecord.Decoded> decoded) throws DkimFailure {
    SignatureField.Checked signature = new SignatureField.Checked(SigningAlgorithm.RSA_SHA256, new byte[] {1}, new byte[] {1},
        Canonicalization.RELAXED, Canonicalization.RELAXED, "example.com", "sel", List.of("from"), identity,
        Long.MAX_VALUE, -1, -1);
    return KeyRecord.read(text, NAME, signature, decoded);
  }
}
