package io.github.junitmailassert.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.junitmailassert.dns.DnsZone;
import io.github.junitmailassert.internal.dns.DnsLookup;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DkimKeyPairTest {

  @Test
  void should_make_2048_bit_rsa_key_with_spki_record_when_no_size_is_given() {
    // WHEN
    DkimKeyPair key = DkimKeyPair.rsa("sel", "sample.co.jp");
    // THEN
    assertThat(key.keyBits()).isEqualTo(2048);
    assertThat(((RSAPublicKey) key.publicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(key.selector()).isEqualTo("sel");
    assertThat(key.domain()).isEqualTo("sample.co.jp");
    assertThat(key.keyRecordName()).isEqualTo("sel._domainkey.sample.co.jp");
    assertThat(key.publicKeyRecord())
        .isEqualTo("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
    assertThat(key.publicKeyRecord()).startsWith("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
  }

  @Test
  void should_make_rsa_key_of_the_size_asked_for() {
    assertThat(DkimKeyPair.rsa("s", "sample.co.jp", 1024).keyBits()).isEqualTo(1024);
    assertThat(DkimKeyPair.generate("s", "sample.co.jp", DkimAlgorithm.RSA_SHA256).keyBits()).isEqualTo(2048);
  }

  @Test
  void should_publish_raw_32_octets_when_key_is_ed25519() {
    // WHEN
    DkimKeyPair key = DkimKeyPair.ed25519("ed", "sample.co.jp");
    // THEN
    String p = key.publicKeyRecord().substring("v=DKIM1; k=ed25519; p=".length());
    assertThat(key.publicKeyRecord()).startsWith("v=DKIM1; k=ed25519; p=");
    assertThat(Base64.getDecoder().decode(p)).hasSize(32);
    assertThat(key.keyBits()).isEqualTo(256);
    assertThat(key.algorithm()).isEqualTo(DkimAlgorithm.ED25519_SHA256);
  }

  @Test
  void should_give_private_key_as_pkcs8_der_and_pem_that_the_jdk_reads_back() throws Exception {
    for (DkimKeyPair key : new DkimKeyPair[] {DkimVerifierTest.RSA, DkimVerifierTest.ED25519}) {
      // WHEN
      byte[] der = key.privateKeyPkcs8Der();
      String pem = key.privateKeyPem();
      // THEN
      String jdkName = key.algorithm() == DkimAlgorithm.RSA_SHA256 ? "RSA" : "Ed25519";
      PrivateKey fromDer = KeyFactory.getInstance(jdkName).generatePrivate(new PKCS8EncodedKeySpec(der));
      assertThat(fromDer.getEncoded()).isEqualTo(key.privateKey().getEncoded());
      assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
      String body = pem.replace("-----BEGIN PRIVATE KEY-----\n", "").replace("-----END PRIVATE KEY-----\n", "");
      assertThat(body.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
      assertThat(Base64.getMimeDecoder().decode(body)).isEqualTo(der);
      // a copy each time: callers cannot change the key
      der[0] = 0;
      assertThat(key.privateKeyPkcs8Der()[0]).isEqualTo((byte) 0x30);
    }
  }

  @Test
  void should_not_show_private_key_in_to_string() {
    assertThat(DkimVerifierTest.ED25519.toString()).isEqualTo("DkimKeyPair[ed25519-sha256, 256 bits, ed._domainkey.sample.co.jp]");
  }

  @Test
  void should_refuse_sizes_and_names_that_cannot_be_a_dkim_key() {
    assertThatIllegalArgumentException().isThrownBy(() -> DkimKeyPair.rsa("s", "sample.co.jp", 256))
        .withMessage("an RSA key for DKIM has 512 to 16384 bits (2048 is usual), not 256");
    assertThatIllegalArgumentException().isThrownBy(() -> DkimKeyPair.ed25519("", "sample.co.jp"))
        .withMessage("not a valid DKIM selector: \"\"");
    assertThatIllegalArgumentException().isThrownBy(() -> DkimKeyPair.ed25519("s", "sample..jp"))
        .withMessage("not a valid DKIM domain: \"sample..jp\"");
  }

  @Test
  void should_publish_key_record_when_zone_generates_the_pair() {
    // GIVEN
    DnsZone zone = DnsZone.create();
    // WHEN
    DkimKeyPair key = DkimKeyPair.publishedIn(zone, "sel", "sample.co.jp", DkimAlgorithm.RSA_SHA256);
    // THEN
    DnsLookup dns = new DnsLookup(zone.resolver());
    assertThat(dns.txtStrings(dns.lookup("sel._domainkey.sample.co.jp", Type.TXT))).containsExactly(key.publicKeyRecord());
    byte[] signed = TestSigner.with(key).sign(DkimVerifierTest.MESSAGE);
    assertThat(DkimVerifier.builder(zone.resolver()).build().verify(signed).get(0).code()).isEqualTo(DkimResultCode.PASS);
  }
}
