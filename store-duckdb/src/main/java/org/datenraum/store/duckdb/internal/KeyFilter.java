package org.datenraum.store.duckdb.internal;

import java.util.Arrays;

/**
 * A set of 64-bit key hashes that answers "maybe present" or "certainly absent" in about five
 * bytes per key: the hash's top bits choose one of many small shards, and a shard keeps the
 * hash's low 32 bits in a sorted array. "Absent" is certain for every added hash; "maybe" for an
 * absent one has a chance of about (keys per shard) / 2^32, one in ten million at 2^20 shards and
 * a hundred million keys. An addition costs a binary search and a move of part of one small
 * shard, so it stays flat as the set grows. Not thread-safe.
 */
final class KeyFilter {

  /** 2^20 shards: about 100 keys per shard at a hundred million keys. */
  static final int DEFAULT_SHARD_BITS = 20;

  private static final int[] EMPTY = new int[0];

  private final int shardBits;
  private final int[][] shards;
  private final int[] sizes;
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
    this.sizes = new int[shards.length];
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
    int[] counts = f.sizes;
    hashes.forEach(h -> counts[f.shard(h)]++);
    for (int s = 0; s < counts.length; s++) {
      f.shards[s] = counts[s] == 0 ? EMPTY : new int[counts[s]];
      counts[s] = 0;
    }
    hashes.forEach(h -> {
      int s = f.shard(h);
      f.shards[s][counts[s]++] = (int) h;
    });
    for (int s = 0; s < counts.length; s++) {
      int[] table = f.shards[s];
      Arrays.sort(table, 0, counts[s]);
      int unique = 0;
      for (int i = 0; i < counts[s]; i++) {
        if (unique == 0 || table[unique - 1] != table[i]) {
          table[unique++] = table[i];
        }
      }
      counts[s] = unique;
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
    long bytes = 4L * sizes.length + 8L * shards.length;
    for (int[] s : shards) {
      bytes += 16 + 4L * s.length;
    }
    return bytes;
  }

  boolean mayContain(long h) {
    int s = shard(h);
    return Arrays.binarySearch(shards[s], 0, sizes[s], (int) h) >= 0;
  }

  void add(long h) {
    int s = shard(h);
    int[] table = shards[s];
    int n = sizes[s];
    int at = Arrays.binarySearch(table, 0, n, (int) h);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    if (n == table.length) {
      table = Arrays.copyOf(table, Math.max(4, n + (n >> 1)));
      shards[s] = table;
    }
    System.arraycopy(table, at, table, at + 1, n - at);
    table[at] = (int) h;
    sizes[s] = n + 1;
    size++;
  }

  private int shard(long h) {
    return shardBits == 0 ? 0 : (int) (h >>> (64 - shardBits));
  }
}
