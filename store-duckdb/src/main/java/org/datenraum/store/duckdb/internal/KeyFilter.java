package org.datenraum.store.duckdb.internal;

import java.util.Arrays;

/**
 * A set of 64-bit key hashes that answers "maybe present" or "certainly absent" in about five
 * bytes per key: the hash's top bits choose one of many small shards, and a shard keeps the
 * hash's low 32 bits in a sorted array. "Absent" is certain for every added hash; "maybe" for an
 * absent one has a chance of about (keys per shard) / 2^32, one in ten million at 2^20 shards and
 * a hundred million keys. An addition costs a binary search and a move of part of one small
 * shard, so it stays flat as the set grows. A shard's array holds its count in its first element,
 * so that a lookup reads two places in memory (the shard's reference and the shard), not three.
 * Not thread-safe.
 */
final class KeyFilter {

  /** 2^20 shards: about 100 keys per shard at a hundred million keys. */
  static final int DEFAULT_SHARD_BITS = 20;

  /** The shared empty shard: a count of 0 and no room. */
  private static final int[] EMPTY = new int[1];

  private final int shardBits;
  /** Per shard: its count, then its sorted low 32 bits, then free room. */
  private final int[][] shards;
  private long size;

  KeyFilter() {
    this(DEFAULT_SHARD_BITS);
  }

  /** A filter of {@code 2^shardBits} shards (fewer shards: more false "maybe" answers). */
  KeyFilter(int shardBits) {
    if (shardBits < 0 || shardBits > 24) {
      throw new IllegalArgumentException("shardBits must be 0..24, got " + shardBits);
    }
    this.shardBits = shardBits;
    this.shards = new int[1 << shardBits][];
    Arrays.fill(shards, EMPTY);
  }

  /** Hands each hash of a collection to a consumer; may be called more than once. */
  interface Hashes {
    void forEach(java.util.function.LongConsumer each) throws java.sql.SQLException;
  }

  /**
   * A filter of many hashes at once, in two passes over them: one counts each shard's keys, the
   * second fills shards of that size, which are then sorted. No per-hash insertion, so no shard
   * is moved or grown: ten million hashes take a few seconds instead of a minute.
   */
  static KeyFilter of(int shardBits, Hashes hashes) throws java.sql.SQLException {
    KeyFilter f = new KeyFilter(shardBits);
    int[] counts = new int[f.shards.length];
    hashes.forEach(h -> counts[f.shard(h)]++);
    for (int s = 0; s < counts.length; s++) {
      f.shards[s] = counts[s] == 0 ? EMPTY : new int[counts[s] + 1];
    }
    hashes.forEach(h -> {
      int[] table = f.shards[f.shard(h)];
      table[++table[0]] = (int) h;
    });
    for (int[] table : f.shards) {
      int n = table[0];
      Arrays.sort(table, 1, n + 1);
      int unique = 0;
      for (int i = 1; i <= n; i++) {
        if (unique == 0 || table[unique] != table[i]) {
          table[++unique] = table[i];
        }
      }
      table[0] = unique;
      f.size += unique;
    }
    return f;
  }

  /** Distinct (shard, fingerprint) pairs held. */
  long size() {
    return size;
  }

  /** Bytes the shards take, their array headers included. */
  long sizeInBytes() {
    long bytes = 8L * shards.length;
    for (int[] s : shards) {
      bytes += s == EMPTY ? 0 : 16 + 4L * s.length;
    }
    return bytes;
  }

  boolean mayContain(long h) {
    int[] table = shards[shard(h)];
    return Arrays.binarySearch(table, 1, table[0] + 1, (int) h) >= 0;
  }

  void add(long h) {
    int s = shard(h);
    int[] table = shards[s];
    int n = table[0];
    int at = Arrays.binarySearch(table, 1, n + 1, (int) h);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    if (n + 1 == table.length) {
      table = Arrays.copyOf(table, Math.max(5, n + 1 + (n >> 1)));
      shards[s] = table;
    }
    System.arraycopy(table, at, table, at + 1, n + 1 - at);
    table[at] = (int) h;
    table[0] = n + 1;
    size++;
  }

  private int shard(long h) {
    return shardBits == 0 ? 0 : (int) (h >>> (64 - shardBits));
  }
}
