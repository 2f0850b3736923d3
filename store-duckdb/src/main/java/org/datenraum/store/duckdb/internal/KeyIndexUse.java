package org.datenraum.store.duckdb.internal;

/**
 * When the writer reads the key index. Reading it costs as much as several scans of the store's
 * keys (at a hundred million resources 800 MB of hashes: 90 s measured on two cores at a load
 * average of 13), and it spares a write only the scan for resources that are all new: a write
 * that replaces resources scans for them either way. So a writer first asks the database
 * directly, one scan per write, and reads the index once {@code probesBeforeReading} writes found
 * none of their resources stored (scans the index would have spared). A day's changes, which
 * replace resources in every write, never pay for the index; a load of new resources pays at most
 * that many scans more than it needs (in a small store those cost next to nothing). A store whose
 * index was never filled (a new one, too) reads (fills) it at the first write.
 *
 * @param shardBits            the in-memory filter has {@code 2^shardBits} shards
 * @param probesBeforeReading  writes that found nothing stored before the index is read
 */
record KeyIndexUse(int shardBits, int probesBeforeReading) {

  /** 2^20 shards, read after four writes that found nothing stored. */
  static final KeyIndexUse DEFAULT = new KeyIndexUse(KeyFilter.DEFAULT_SHARD_BITS, 4);

  KeyIndexUse {
    if (shardBits < 0 || shardBits > 24 || probesBeforeReading < 0) {
      throw new IllegalArgumentException("shardBits 0..24 and probesBeforeReading >= 0 expected, got "
          + shardBits + " and " + probesBeforeReading);
    }
  }

  /** The index read at the first write. */
  static KeyIndexUse always(int shardBits) {
    return new KeyIndexUse(shardBits, 0);
  }
}
