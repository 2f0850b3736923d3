package org.datenraum.ingest.fhir.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds verbatim strings in a line: strings whose UTF-8 bytes Jackson's generator would write
 * again unchanged after decoding them, so the streaming reader copies them as bytes.
 */
final class VerbatimStrings {

  private VerbatimStrings() {}

  /** Bytes of a string copied at most, far below the parser's limit of a string. */
  static final int MAX_BYTES = 1 << 16;

  /**
   * The closing quote of a string whose bytes start at {@code from}, if it is verbatim: fewer
   * than {@link #MAX_BYTES} bytes, each printable ASCII other than a backslash, or part of a
   * well-formed UTF-8 sequence of two or three bytes that is not a surrogate (a character
   * Jackson's generator writes as these same bytes, unescaped); else -1. A string with an
   * escape, a control or delete character, a character beyond the Basic Multilingual Plane (the
   * generator escapes its surrogates) or ill-formed UTF-8 is left to the parser.
   */
  static int end(byte[] b, int from, int limit) {
    int end = (int) Math.min(limit, (long) from + MAX_BYTES);
    int i = from;
    while (true) {
      while (i + Long.BYTES <= end && !special((long) LONGS.get(b, i))) {
        i += Long.BYTES;
      }
      if (i >= end) {
        return -1;
      }
      int c = b[i] & 0xFF;
      if (c == '"') {
        return i;
      }
      if (c < 0x80) {
        if (c < 0x20 || c == '\\' || c == 0x7F) {
          return -1;
        }
        i++;
      } else {
        int n = sequence(b, i, end);
        if (n < 0) {
          return -1;
        }
        i += n;
      }
    }
  }

  /**
   * The length of the UTF-8 sequence at {@code i} if it is a well-formed one of two or three bytes
   * for a character that is not a surrogate (so neither overlong nor beyond the BMP); else -1.
   */
  static int sequence(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      return i + 1 < end && continuation(b[i + 1], 0x80, 0xBF) ? 2 : -1;
    }
    if (c < 0xE0 || c > 0xEF || i + 2 >= end) {
      return -1;
    }
    int low = c == 0xE0 ? 0xA0 : 0x80;
    int high = c == 0xED ? 0x9F : 0xBF;
    return continuation(b[i + 1], low, high) && continuation(b[i + 2], 0x80, 0xBF) ? 3 : -1;
  }

  private static boolean continuation(byte b, int low, int high) {
    int x = b & 0xFF;
    return x >= low && x <= high;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * Whether any of eight bytes may end a plain string or make it not plain: a quote, a
   * backslash, a control or delete character, or a byte of a multi-byte character. Never false
   * when one of them is there (it may be true when none is; the caller then looks byte by byte).
   */
  private static boolean special(long x) {
    long below = (x - ONES * 0x20) & ~x;
    return ((x | below | zero(x ^ (ONES * '"')) | zero(x ^ (ONES * '\\'))
        | zero(x ^ (ONES * 0x7F))) & HIGH) != 0;
  }

  /** High bit set in some byte where {@code x} has a zero byte (and only if it has one). */
  private static long zero(long x) {
    return (x - ONES) & ~x;
  }
}
