package org.datenraum.store.duckdb.feasibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense ids for repeated values (units, statuses, codings, attribute lists), so that fact rows hold
 * ints and a query tests each distinct value once. Id {@code -1} stands for null. Not thread-safe.
 *
 * @param <T> the value type
 */
final class Interner<T> {

  private final Map<T, Integer> ids = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  int id(T value) {
    if (value == null) {
      return -1;
    }
    Integer id = ids.get(value);
    if (id == null) {
      id = values.size();
      ids.put(value, id);
      values.add(value);
    }
    return id;
  }

  T value(int id) {
    return id < 0 ? null : values.get(id);
  }

  int size() {
    return values.size();
  }
}
