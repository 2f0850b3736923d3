package org.datenraum.store.duckdb.feasibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.query.plan.CodeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Per index key, the bitmap of the patients (by dense number) that have such a fact, with the
 * dictionaries that resolve code sets to keys. The keys are grouped by path; an index read in its
 * packed form puts a path's keys together at the first query that needs the path, and decodes a
 * bitmap at its first use. Immutable after {@link #of}; thread-safe to read.
 */
final class CodeIndex {

  private final Map<String, KeyGroup> groups;
  private final BitmapSlots bitmaps;
  private final int size;

  private CodeIndex(Map<String, KeyGroup> groups, BitmapSlots bitmaps) {
    this.groups = groups;
    this.bitmaps = bitmaps;
    this.size = groups.values().stream().mapToInt(KeyGroup::size).sum();
  }

  static CodeIndex of(Map<IndexKey, RoaringBitmap> bitmaps) {
    Map<String, List<IndexKey>> byPath = new HashMap<>();
    bitmaps.keySet().forEach(k -> byPath.computeIfAbsent(k.path(), p -> new ArrayList<>()).add(k));
    RoaringBitmap[] decoded = new RoaringBitmap[bitmaps.size()];
    Map<String, KeyGroup> groups = new LinkedHashMap<>();
    int slot = 0;
    for (Map.Entry<String, List<IndexKey>> e : byPath.entrySet()) {
      IndexKey[] keys = e.getValue().toArray(IndexKey[]::new);
      for (IndexKey k : keys) {
        decoded[slot++] = bitmaps.get(k);
      }
      groups.put(e.getKey(), new KeyGroup(e.getKey(), slot - keys.length, keys.length, i -> keys[i]));
    }
    return new CodeIndex(groups, BitmapSlots.of(decoded));
  }

  /** An index of these groups, whose slots are those of {@code bitmaps}. */
  static CodeIndex of(List<KeyGroup> groups, BitmapSlots bitmaps) {
    Map<String, KeyGroup> byPath = new LinkedHashMap<>();
    groups.forEach(g -> byPath.put(g.path(), g));
    return new CodeIndex(byPath, bitmaps);
  }

  /** Every key with its bitmap (all keys put together and all bitmaps decoded). */
  Map<IndexKey, RoaringBitmap> bitmaps() {
    Map<IndexKey, RoaringBitmap> out = new HashMap<>(size * 4 / 3 + 1);
    for (KeyGroup g : groups.values()) {
      g.slots().forEach((k, slot) -> out.put(k, bitmaps.get(slot)));
    }
    return out;
  }

  /** The number of keys. */
  int size() {
    return size;
  }

  RoaringBitmap patients(IndexKey key) {
    KeyGroup g = groups.get(key.path());
    int slot = g == null ? -1 : g.slot(key);
    return slot < 0 ? EMPTY : bitmaps.get(slot);
  }

  private static final RoaringBitmap EMPTY = new RoaringBitmap();

  /**
   * The keys a pattern's codes can match: fact codes when {@code attributeName} is null, else the
   * codings of every attribute path the name matches; a null code set means every fact code, as
   * a pattern without codes matches any fact of its types.
   */
  Set<IndexKey> resolve(String attributeName, CodeSet set, Set<String> types) {
    Set<IndexKey> out = new LinkedHashSet<>();
    KeyGroup codes = groups.get("");
    if (set == null || attributeName == null) {
      if (codes != null && set == null) {
        codes.dictionary().all(types, out::add);
      } else if (codes != null) {
        codes.dictionary().resolve(set, types, out::add);
      }
      return out;
    }
    for (KeyGroup g : groups.values()) {
      if (!g.path().isEmpty() && AttributeLines.keyMatches(g.path(), attributeName)) {
        g.dictionary().resolve(set, types, out::add);
      }
    }
    return out;
  }

  /** Bytes of the serialised bitmaps. */
  long sizeInBytes() {
    return bitmaps.serializedBytes(size);
  }
}
