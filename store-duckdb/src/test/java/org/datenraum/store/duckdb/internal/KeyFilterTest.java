package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key filter never says "absent" for an added hash and rarely "maybe" for another. */
class KeyFilterTest {

  @Test
  void addedHashesAreAlwaysMaybeAndOthersAlmostNever() {
    for (int shardBits : new int[] {0, 3, 12}) {
      KeyFilter filter = new KeyFilter(shardBits);
      long[] added = new Random(shardBits).longs(200_000).toArray();
      for (long h : added) {
        filter.add(h);
      }
      for (long h : added) {
        assertThat(filter.mayContain(h)).as("added %d, %d shard bits", h, shardBits).isTrue();
      }
      int falseMaybes = 0;
      Random other = new Random(1000 + shardBits);
      for (int i = 0; i < 200_000; i++) {
        falseMaybes += filter.mayContain(other.nextLong()) ? 1 : 0;
      }
      // 200,000 lookups against 200,000 keys of 32+shardBits bits: about 9 expected at 0 bits.
      assertThat(falseMaybes).as("false maybes at %d shard bits", shardBits).isLessThan(40);
      // keys sharing shard and low 32 bits are held once: about 5 pairs at 0 bits
      assertThat(filter.size()).isBetween(199_950L, 200_000L);
    }
  }

  @Test
  void builtAtOnceAnswersAsAddedOneByOneAndKeepsGrowing() throws Exception {
    long[] added = new Random(5).longs(50_000).toArray();
    long[] withDuplicates = java.util.Arrays.copyOf(added, added.length + 1_000);
    System.arraycopy(added, 0, withDuplicates, added.length, 1_000);
    KeyFilter bulk = KeyFilter.of(4, each -> {
      for (long h : withDuplicates) {
        each.accept(h);
      }
    });
    KeyFilter single = new KeyFilter(4);
    for (long h : added) {
      single.add(h);
    }
    assertThat(bulk.size()).isEqualTo(single.size());
    Random other = new Random(6);
    for (int i = 0; i < 100_000; i++) {
      long h = i < added.length ? added[i] : other.nextLong();
      assertThat(bulk.mayContain(h)).as("hash %d", h).isEqualTo(single.mayContain(h));
    }
    long later = other.nextLong();
    assertThat(bulk.mayContain(later)).isFalse();
    bulk.add(later);
    assertThat(bulk.mayContain(later)).isTrue();
    for (long h : added) {
      assertThat(bulk.mayContain(h)).isTrue();
    }
  }

  @Test
  void sameHashAddedTwiceIsHeldOnceAndDistinctLowBitsInOtherShardsAreApart() {
    KeyFilter filter = new KeyFilter(1);
    filter.add(5L);
    filter.add(5L);
    assertThat(filter.size()).isEqualTo(1);
    // same low 32 bits, other shard (top bit set): not the same key
    assertThat(filter.mayContain(5L | Long.MIN_VALUE)).isFalse();
    assertThat(filter.mayContain(5L)).isTrue();
  }

  @Test
  void fingerprintsEqualToAShardsCountAreNotFoundUnlessAdded() throws Exception {
    // a shard's count shares its array: fingerprints 0..3 must be told from counts 0..3
    KeyFilter empty = KeyFilter.of(2, each -> { });
    for (long h = 0; h < 4; h++) {
      assertThat(empty.mayContain(h)).as("hash %d in an empty filter", h).isFalse();
    }
    KeyFilter filter = new KeyFilter(2);
    filter.add(2L);
    filter.add(0L);
    assertThat(filter.mayContain(1L)).isFalse();
    assertThat(filter.mayContain(3L)).isFalse();
    assertThat(filter.mayContain(0L)).isTrue();
    assertThat(filter.mayContain(2L)).isTrue();
    KeyFilter bulk = KeyFilter.of(2, each -> {
      each.accept(2L);
      each.accept(0L);
      each.accept(2L);
    });
    assertThat(bulk.size()).isEqualTo(2);
    assertThat(bulk.mayContain(1L)).isFalse();
    assertThat(bulk.mayContain(0L)).isTrue();
    assertThat(bulk.mayContain(2L)).isTrue();
  }
}
