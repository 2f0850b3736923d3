package org.datenraum.store.duckdb.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/**
 * Answers "which of these resources might be stored already?" without asking the database: a
 * {@link KeyFilter} of a 64-bit hash of every stored key, persisted in table {@code resource_key}
 * (the hashes of each batch's new keys in one BLOB, written in the batch's transaction, so that a
 * crash keeps the index and the store in step) and read back when the store opens. "No" is
 * certain; "maybe" (a stored key, a deleted one, or a hash collision) sends the writer to the
 * database for those keys only. A store written before the table existed gets it filled from its
 * resources once, when it opens. One writer thread; staged keys count only after {@link #commit}.
 */
final class KeyIndex {

  private static final int BACKFILL_CHUNK = 1 << 16;

  private final KeyFilter filter;
  private long[] staged = new long[0];
  private int stagedSize;
  private long[] fresh = new long[0];
  private int freshSize;

  private KeyIndex(KeyFilter filter) {
    this.filter = filter;
  }

  /** The index of the store on {@code c}, with {@code 2^shardBits} shards in memory. */
  static KeyIndex open(Connection c, int shardBits) throws SQLException {
    if (!hasRows(c)) {
      backfill(c);
    }
    return new KeyIndex(KeyFilter.of(shardBits, each -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT hashes FROM resource_key")) {
        while (rs.next()) {
          ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1)).order(ByteOrder.LITTLE_ENDIAN);
          while (b.remaining() >= Long.BYTES) {
            each.accept(b.getLong());
          }
        }
      }
    }));
  }

  /**
   * Whether the persisted index holds every stored key: false only for a store written before it
   * existed, which {@link #open} fills once.
   */
  static boolean isFilled(Connection c) throws SQLException {
    return hasRows(c);
  }

  /**
   * Appends the hashes of those of {@code records} that were not stored ({@code stored} were) to
   * the persisted index, in the caller's transaction, for a writer that has not read the index.
   */
  static void persistNew(Connection c, List<ResourceRecord> records, Set<ResourceKey> stored)
      throws SQLException {
    long[] out = new long[records.size()];
    int n = 0;
    for (ResourceRecord r : records) {
      if (!stored.contains(r.key())) {
        out[n++] = hash(r.key());
      }
    }
    if (n > 0) {
      write(c, out, n);
    }
  }

  private static boolean hasRows(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM resource_key")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /** Keys held (distinct in the filter's terms). */
  long size() {
    return filter.size();
  }

  /** Bytes the in-memory filter takes. */
  long sizeInBytes() {
    return filter.sizeInBytes();
  }

  /**
   * Stages the keys of a batch being written and returns the positions of those that may be
   * stored already; the caller asks the database about them and reports the ones it found with
   * {@link #found}.
   */
  BitSet stage(List<ResourceRecord> records) {
    if (staged.length < records.size()) {
      staged = new long[records.size()];
    }
    stagedSize = 0;
    BitSet maybe = new BitSet();
    for (ResourceRecord r : records) {
      long h = hash(r.key());
      if (filter.mayContain(h)) {
        maybe.set(stagedSize);
      }
      staged[stagedSize++] = h;
    }
    return maybe;
  }

  /**
   * Appends the hashes of the staged keys that are not stored yet (all but {@code stored}) to the
   * persisted index, in the caller's transaction.
   */
  void persist(Connection c, List<ResourceRecord> records, Set<ResourceKey> stored)
      throws SQLException {
    if (fresh.length < stagedSize) {
      fresh = new long[stagedSize];
    }
    freshSize = 0;
    for (int i = 0; i < stagedSize; i++) {
      if (stored.isEmpty() || !stored.contains(records.get(i).key())) {
        fresh[freshSize++] = staged[i];
      }
    }
    if (freshSize > 0) {
      write(c, fresh, freshSize);
    }
  }

  /** Those of the keys that may be stored; the others certainly are not. */
  Set<ResourceKey> mayHold(Set<ResourceKey> keys) {
    Set<ResourceKey> out = new HashSet<>();
    for (ResourceKey k : keys) {
      if (filter.mayContain(hash(k))) {
        out.add(k);
      }
    }
    return out;
  }

  void commit() {
    for (int i = 0; i < freshSize; i++) {
      filter.add(fresh[i]);
    }
    stagedSize = 0;
    freshSize = 0;
  }

  void rollback() {
    stagedSize = 0;
    freshSize = 0;
  }

  /** Fills the persisted index from the resource table, in one transaction. */
  private static void backfill(Connection c) throws SQLException {
    long[] chunk = new long[BACKFILL_CHUNK];
    Transactions.inOne(c, () -> {
      int n = 0;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT type, id FROM resource")) {
        while (rs.next()) {
          chunk[n++] = hash(new ResourceKey(rs.getString(1), rs.getString(2)));
          if (n == chunk.length) {
            write(c, chunk, n);
            n = 0;
          }
        }
        write(c, chunk, n);
      }
    });
  }

  /** Writes a row, also an empty one: an empty store's row marks the index as complete. */
  private static void write(Connection c, long[] hashes, int n) throws SQLException {
    ByteBuffer b = ByteBuffer.allocate(n * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putLong(hashes[i]);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO resource_key VALUES (?)")) {
      ps.setBytes(1, b.array());
      ps.executeUpdate();
    }
  }

  /** FNV-1a over type, a separator and id, then a 64-bit finaliser spreading it over all bits. */
  static long hash(ResourceKey key) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, key.type());
    h = (h ^ '/') * 0x100000001b3L;
    h = mix(h, key.id());
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
