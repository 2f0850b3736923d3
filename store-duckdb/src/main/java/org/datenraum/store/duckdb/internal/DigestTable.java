package org.datenraum.store.duckdb.internal;

/**
 * A map from 128-bit digests to non-negative ints in three arrays (open addressing, linear
 * probing): 20 bytes a slot instead of about 90 for a map of boxed keys. Digests are uniformly
 * distributed, so their high bits serve as the hash. No removal.
 */
final class DigestTable {

  private long[] high = new long[1024];
  private long[] low = new long[1024];
  /** The value plus one; 0 marks a free slot. */
  private int[] values = new int[1024];
  private int size;

  /** The value of the digest, or -1. */
  int get(long h, long l) {
    int mask = values.length - 1;
    for (int i = slot(h, mask); values[i] != 0; i = (i + 1) & mask) {
      if (high[i] == h && low[i] == l) {
        return values[i] - 1;
      }
    }
    return -1;
  }

  void put(long h, long l, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("values must not be negative, got " + value);
    }
    if ((size + 1) * 4L > values.length * 3L) {
      grow();
    }
    int mask = values.length - 1;
    int i = slot(h, mask);
    while (values[i] != 0) {
      if (high[i] == h && low[i] == l) {
        values[i] = value + 1;
        return;
      }
      i = (i + 1) & mask;
    }
    high[i] = h;
    low[i] = l;
    values[i] = value + 1;
    size++;
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    int[] oldValues = values;
    high = new long[oldValues.length * 2];
    low = new long[oldValues.length * 2];
    values = new int[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != 0) {
        put(oldHigh[i], oldLow[i], oldValues[i] - 1);
      }
    }
  }
}
