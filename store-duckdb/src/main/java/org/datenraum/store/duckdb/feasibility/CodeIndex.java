package org.datenraum.store.duckdb.feasibility;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.datenraum.query.plan.CodeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Per index key, the bitmap of the patients (by dense number) that have such a fact, with the
 * dictionaries that resolve code sets to keys. Immutable after {@link #of}; thread-safe to read.
 */
final class CodeIndex {

  private final Map<IndexKey, RoaringBitmap> bitmaps;
  private final CodeDictionary codes = new CodeDictionary();
  private final Map<String, CodeDictionary> attributes = new HashMap<>();

  private CodeIndex(Map<IndexKey, RoaringBitmap> bitmaps) {
    this.bitmaps = bitmaps;
    for (IndexKey k : bitmaps.keySet()) {
      (k.isCode() ? codes : attributes.computeIfAbsent(k.path(), p -> new CodeDictionary())).add(k);
    }
  }

  static CodeIndex of(Map<IndexKey, RoaringBitmap> bitmaps) {
    return new CodeIndex(Map.copyOf(bitmaps));
  }

  Map<IndexKey, RoaringBitmap> bitmaps() {
    return bitmaps;
  }

  RoaringBitmap patients(IndexKey key) {
    return bitmaps.getOrDefault(key, EMPTY);
  }

  private static final RoaringBitmap EMPTY = new RoaringBitmap();

  /**
   * The keys a pattern's codes can match: fact codes when {@code attributeName} is null, else the
   * codings of every attribute path the name matches; a null code set means every fact code, as
   * a pattern without codes matches any fact of its types.
   */
  Set<IndexKey> resolve(String attributeName, CodeSet set, Set<String> types) {
    Set<IndexKey> out = new LinkedHashSet<>();
    if (set == null) {
      codes.all(types, out::add);
    } else if (attributeName == null) {
      codes.resolve(set, types, out::add);
    } else {
      for (Map.Entry<String, CodeDictionary> e : attributes.entrySet()) {
        if (AttributeLines.keyMatches(e.getKey(), attributeName)) {
          e.getValue().resolve(set, types, out::add);
        }
      }
    }
    return out;
  }

  /** Bytes of the serialised bitmaps. */
  long sizeInBytes() {
    return bitmaps.values().stream().mapToLong(RoaringBitmap::serializedSizeInBytes).sum();
  }
}
