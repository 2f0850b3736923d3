package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHashTest {

  /** The test vector of the SipHash paper (appendix A): key 00..0f, message 00..0e. */
  @Test
  void thePapersTestVector() {
    byte[] key = new byte[16];
    for (int i = 0; i < 16; i++) {
      key[i] = (byte) i;
    }
    byte[] message = new byte[15];
    for (int i = 0; i < 15; i++) {
      message[i] = (byte) i;
    }
    assertThat(SipHash.of(key).hash(message)).isEqualTo(0xa129ca6149be45e5L);
  }

  @Test
  void everyMessageLengthAndKeyByteMatters() {
    byte[] key = new byte[16];
    long empty = SipHash.of(key).hash(new byte[0]);
    assertThat(SipHash.of(key).hash(new byte[8])).isNotEqualTo(empty).isNotEqualTo(SipHash.of(key).hash(new byte[7]));
    key[15] = 1;
    assertThat(SipHash.of(key).hash(new byte[0])).isNotEqualTo(empty);
  }
}
