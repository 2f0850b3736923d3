package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyedPseudonymizerTest {

  private static byte[] secret(int fill) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) fill);
    return s;
  }

  @Test
  void sameInputSameDomainGivesSamePseudonym() {
    KeyedPseudonymizer p = KeyedPseudonymizer.of(secret(1));
    assertThat(p.pseudonym(PseudonymDomain.PATIENT, "4711"))
        .isEqualTo(p.pseudonym(PseudonymDomain.PATIENT, "4711"))
        .hasSize(22)
        .doesNotContain("4711");
  }

  @Test
  void domainsAndSecretsSeparatePseudonyms() {
    KeyedPseudonymizer p = KeyedPseudonymizer.of(secret(1));
    KeyedPseudonymizer q = KeyedPseudonymizer.of(secret(2));
    String patient = p.pseudonym(PseudonymDomain.PATIENT, "4711");
    assertThat(p.pseudonym(PseudonymDomain.ENCOUNTER, "4711")).isNotEqualTo(patient);
    assertThat(q.pseudonym(PseudonymDomain.PATIENT, "4711")).isNotEqualTo(patient);
  }

  @Test
  void knownVectorIsStable() {
    // HMAC-SHA-256(key = 32 x 0x01, "patient\0" + "4711"), first 16 bytes, base64url
    KeyedPseudonymizer p = KeyedPseudonymizer.of(secret(1));
    assertThat(p.pseudonym(PseudonymDomain.PATIENT, "4711")).isEqualTo(
        javaHmac(secret(1), "patient\u00004711"));
  }

  @Test
  void prefixAndValueBytesGiveThePseudonymOfTheirTextJoined() {
    KeyedPseudonymizer p = KeyedPseudonymizer.of(secret(3));
    java.util.Random random = new java.util.Random(7);
    String[] parts = {"Observation/", "a", "\u00e9", "\u20ac", "\uD83D\uDE00", "/", "7", ""};
    for (int i = 0; i < 2000; i++) {
      String prefix = parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
      String value = parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
      PseudonymDomain domain = PseudonymDomain.values()[i % PseudonymDomain.values().length];
      byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] framed = new byte[utf8.length + 4];
      System.arraycopy(utf8, 0, framed, 2, utf8.length);
      String expected = javaHmac(secret(3), domain.label() + "\u0000" + prefix + value);

      assertThat(p.pseudonym(domain, prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          utf8)).isEqualTo(expected);
      assertThat(p.pseudonym(domain, prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          framed, 2, utf8.length)).isEqualTo(expected);
      assertThat(p.pseudonym(domain, prefix + value)).isEqualTo(expected);
    }
  }

  @Test
  void base64UrlAsTheJdkEncodesItWithoutPadding() {
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n <= 40; n++) {
      byte[] b = new byte[n + random.nextInt(4)];
      random.nextBytes(b);

      assertThat(KeyedPseudonymizer.base64Url(b, n)).isEqualTo(java.util.Base64.getUrlEncoder()
          .withoutPadding().encodeToString(Arrays.copyOf(b, n)));
    }
  }

  @Test
  void shortSecretIsRefused() {
    assertThatThrownBy(() -> KeyedPseudonymizer.of(new byte[8]))
        .hasMessageContaining("at least 32");
  }

  @Test
  void toStringRedactsSecret() {
    assertThat(KeyedPseudonymizer.of(secret(1)).toString()).contains("redacted");
  }

  private static String javaHmac(byte[] key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      byte[] d = mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Arrays.copyOf(d, 16));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
