package org.datenraum.generator;

/** Deterministic version-4-shaped UUIDs from two 64-bit values; stateless. */
final class Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  static String uuid(long key, long counter) {
    long hi = Draw.mix(key + counter * 0x9e3779b97f4a7c15L);
    long lo = Draw.mix(hi ^ key ^ 0x632be59bd9b4e019L);
    hi = (hi & ~0xf000L) | 0x4000L;
    lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] c = new char[36];
    hex(hi >>> 32, 8, c, 0);
    c[8] = '-';
    hex(hi >>> 16, 4, c, 9);
    c[13] = '-';
    hex(hi, 4, c, 14);
    c[18] = '-';
    hex(lo >>> 48, 4, c, 19);
    c[23] = '-';
    hex(lo, 12, c, 24);
    return new String(c);
  }

  private static void hex(long v, int digits, char[] c, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      c[at + i] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
  }
}
