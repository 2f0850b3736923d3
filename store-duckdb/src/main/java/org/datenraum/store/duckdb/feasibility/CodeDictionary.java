package org.datenraum.store.duckdb.feasibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.datenraum.core.Coding;
import org.datenraum.query.plan.CodeSet;

/**
 * The index keys of one path (the fact code, or one attribute path), looked up by coding, by code
 * in any system, and by code prefix within a system, so that a {@link CodeSet} resolves to keys
 * without scanning the whole dictionary. Not thread-safe while being filled; read-only after.
 */
final class CodeDictionary {

  private final Map<Coding, List<IndexKey>> byCoding = new HashMap<>();
  private final Map<String, List<IndexKey>> byCode = new HashMap<>();
  private final Map<String, TreeMap<String, List<IndexKey>>> bySystem = new HashMap<>();

  void add(IndexKey key) {
    Coding c = key.coding();
    byCoding.computeIfAbsent(c, k -> new ArrayList<>(1)).add(key);
    byCode.computeIfAbsent(c.code(), k -> new ArrayList<>(1)).add(key);
    bySystem.computeIfAbsent(c.system(), k -> new TreeMap<>())
        .computeIfAbsent(c.code(), k -> new ArrayList<>(1)).add(key);
  }

  /** Every key whose coding the set contains (as {@link CodeSet#contains}), of the given types (empty: any). */
  void resolve(CodeSet codes, Set<String> types, Consumer<IndexKey> out) {
    for (Coding c : codes.codes()) {
      emit(c.system().isEmpty() ? byCode.get(c.code()) : byCoding.get(c), types, out);
    }
    for (Coding p : codes.prefixes()) {
      TreeMap<String, List<IndexKey>> system = bySystem.get(p.system());
      if (system == null) {
        continue;
      }
      for (Map.Entry<String, List<IndexKey>> e : system.tailMap(p.code(), true).entrySet()) {
        if (!e.getKey().startsWith(p.code())) {
          break;
        }
        emit(e.getValue(), types, out);
      }
    }
  }

  /** Every key of the given types (empty: any). */
  void all(Set<String> types, Consumer<IndexKey> out) {
    for (List<IndexKey> keys : byCoding.values()) {
      emit(keys, types, out);
    }
  }

  private static void emit(Collection<IndexKey> keys, Set<String> types, Consumer<IndexKey> out) {
    if (keys == null) {
      return;
    }
    for (IndexKey k : keys) {
      if (types.isEmpty() || types.contains(k.resourceType())) {
        out.accept(k);
      }
    }
  }
}
