package org.datenraum.ingest.fhir.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings decoded from UTF-8 bytes, the same String returned again for the same bytes while it is
 * remembered: code systems, codes, units, statuses and references repeat from resource to
 * resource, so most are decoded (and their hash computed) once instead of once per resource. A
 * string is remembered when its bytes' hash was seen before in its slot, so values seen only once
 * (ids, times) cost no copy of their bytes. One thread's; not thread-safe.
 */
final class DecodedStrings {

  /** Slots of the table; a new string in a taken slot replaces the old one. */
  private static final int SLOTS = 1 << 12;
  /** Longer strings are decoded every time. */
  private static final int MAX_BYTES = 96;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];
  private final int[] seen = new int[SLOTS];

  /** The string of the UTF-8 bytes {@code b[from, from + length)}. */
  String decode(byte[] b, int from, int length) {
    if (length > MAX_BYTES) {
      return new String(b, from, length, StandardCharsets.UTF_8);
    }
    int h = hash(b, from, length);
    int slot = h & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null && key.length == length
        && Arrays.equals(key, 0, length, b, from, from + length)) {
      return values[slot];
    }
    String s = new String(b, from, length, StandardCharsets.UTF_8);
    if (seen[slot] == h) {
      keys[slot] = Arrays.copyOfRange(b, from, from + length);
      values[slot] = s;
    } else {
      seen[slot] = h;
    }
    return s;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** A hash of the bytes from their length and their first and last eight (all when fewer). */
  static int hash(byte[] b, int from, int length) {
    long x;
    if (length >= Long.BYTES) {
      x = (long) LONGS.get(b, from) * 0x9E3779B97F4A7C15L
          ^ (long) LONGS.get(b, from + length - Long.BYTES) * 0xC2B2AE3D27D4EB4FL;
    } else {
      x = 0;
      for (int i = 0; i < length; i++) {
        x = x << 8 | (b[from + i] & 0xFF);
      }
      x *= 0x9E3779B97F4A7C15L;
    }
    x ^= length;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    return (int) (x ^ x >>> 32);
  }
}
