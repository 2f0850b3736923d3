package org.datenraum.store.duckdb.internal;

import java.util.Arrays;
import java.util.List;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/**
 * Answers "might any of these resources be stored already?" without asking the database, for a
 * store that was empty when it was opened: it remembers a 64-bit hash of every key written since.
 * "No" is certain; "maybe" (a stored key, or a hash collision) sends the writer to the database.
 * A store that held resources at opening, or that outgrows {@link #LIMIT} keys, always answers
 * "maybe". The first load of a site, its largest, thus skips a probe of the whole resource table
 * per batch. One writer thread; staged keys count only after {@link #commit}.
 */
final class WrittenKeys {

  /** Keys remembered at most (128 MiB of hashes); beyond, every batch is probed. */
  static final int LIMIT = 1 << 23;

  private long[] table;
  private int size;
  private long[] staged = new long[0];
  private int stagedSize;

  private WrittenKeys(boolean tracking) {
    this.table = tracking ? new long[1 << 16] : null;
  }

  /** For a store holding {@code storedResources} resources when opened. */
  static WrittenKeys forStoreWith(long storedResources) {
    return new WrittenKeys(storedResources == 0);
  }

  /**
   * Remembers the keys of a batch being written (they count after {@link #commit}) and says
   * whether some of them may already be stored.
   */
  boolean stage(List<ResourceRecord> records) {
    if (table == null) {
      return true;
    }
    if (staged.length < records.size()) {
      staged = new long[records.size()];
    }
    stagedSize = 0;
    boolean maybeStored = false;
    for (ResourceRecord r : records) {
      long h = hash(r.key());
      staged[stagedSize++] = h;
      maybeStored |= contains(h);
    }
    return maybeStored;
  }

  void commit() {
    if (table != null && size + stagedSize > LIMIT) {
      table = null;
    }
    if (table != null) {
      for (int i = 0; i < stagedSize; i++) {
        add(staged[i]);
      }
    }
    stagedSize = 0;
  }

  void rollback() {
    stagedSize = 0;
  }

  private boolean contains(long h) {
    int mask = table.length - 1;
    for (int i = slot(h, mask); table[i] != 0; i = (i + 1) & mask) {
      if (table[i] == h) {
        return true;
      }
    }
    return false;
  }

  private void add(long h) {
    if ((size + 1) * 2L > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int i = slot(h, mask);
    while (table[i] != 0) {
      if (table[i] == h) {
        return;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    size++;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(h -> h != 0).forEach(this::add);
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** FNV-1a over type, a separator and id, never 0 (0 marks an empty slot). */
  static long hash(ResourceKey key) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, key.type());
    h = (h ^ '/') * 0x100000001b3L;
    h = mix(h, key.id());
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
