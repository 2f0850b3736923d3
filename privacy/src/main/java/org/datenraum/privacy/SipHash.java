package org.datenraum.privacy;

/**
 * SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT 2012): a
 * pseudorandom function of short messages under a 128-bit key, 64 bits out, with two compression
 * rounds per 8-byte word and four finalisation rounds. Immutable and thread-safe.
 */
final class SipHash {

  private final long k0;
  private final long k1;

  private SipHash(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  /** The function under the first 16 bytes of {@code key}, read as two little-endian words. */
  static SipHash of(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a SipHash key has 16 bytes, not " + key.length + ".");
    }
    return new SipHash(word(key, 0), word(key, 8));
  }

  /** The 64-bit value of the message. */
  long hash(byte[] m) {
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    int full = m.length & ~7;
    long[] v = {v0, v1, v2, v3};
    for (int i = 0; i < full; i += 8) {
      compress(v, word(m, i));
    }
    long last = (long) (m.length & 0xff) << 56;
    for (int i = full; i < m.length; i++) {
      last |= (m[i] & 0xffL) << (8 * (i - full));
    }
    compress(v, last);
    v[2] ^= 0xff;
    for (int r = 0; r < 4; r++) {
      round(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
  }

  private static void compress(long[] v, long m) {
    v[3] ^= m;
    round(v);
    round(v);
    v[0] ^= m;
  }

  private static void round(long[] v) {
    v[0] += v[1];
    v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
    v[0] = Long.rotateLeft(v[0], 32);
    v[2] += v[3];
    v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
    v[0] += v[3];
    v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
    v[2] += v[1];
    v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
    v[2] = Long.rotateLeft(v[2], 32);
  }

  private static long word(byte[] b, int at) {
    long w = 0;
    for (int i = 7; i >= 0; i--) {
      w = w << 8 | (b[at + i] & 0xffL);
    }
    return w;
  }

  @Override
  public String toString() {
    return "SipHash[key redacted]";
  }
}
