package org.datenraum.store.duckdb.feasibility;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The keys of one path (the fact code, or one attribute path) with their bitmap slots, put
 * together at the first query that needs the path: a saved index of a million patients has about
 * 190,000 keys, most of them attribute codings that no feasibility query asks for. Thread-safe.
 */
final class KeyGroup {

  private final String path;
  private final int firstSlot;
  private final int count;
  private IntFunction<IndexKey> keyAt;
  private Map<IndexKey, Integer> slots;
  private CodeDictionary dictionary;

  /** Keys {@code keyAt(0)} to {@code keyAt(count - 1)}, in slots {@code firstSlot} onwards. */
  KeyGroup(String path, int firstSlot, int count, IntFunction<IndexKey> keyAt) {
    this.path = path;
    this.firstSlot = firstSlot;
    this.count = count;
    this.keyAt = keyAt;
  }

  String path() {
    return path;
  }

  int size() {
    return count;
  }

  /** The key's slot, or -1. */
  int slot(IndexKey key) {
    Integer slot = slots().get(key);
    return slot == null ? -1 : slot;
  }

  synchronized Map<IndexKey, Integer> slots() {
    if (slots == null) {
      Map<IndexKey, Integer> out = new HashMap<>(count * 4 / 3 + 1);
      CodeDictionary d = new CodeDictionary();
      for (int i = 0; i < count; i++) {
        IndexKey k = keyAt.apply(i);
        out.put(k, firstSlot + i);
        d.add(k);
      }
      dictionary = d;
      slots = out;
      keyAt = null;
    }
    return slots;
  }

  synchronized CodeDictionary dictionary() {
    slots();
    return dictionary;
  }
}
