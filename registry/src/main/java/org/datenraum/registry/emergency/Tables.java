package org.datenraum.registry.emergency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Counting visits into tables. Stateless. */
final class Tables {

  private Tables() {}

  /** Counts of a key per visit, in the order of {@code labels}; other keys follow in code order; null is missing. */
  static Table count(String title, List<EmergencyVisit> visits, Function<EmergencyVisit, String> key,
      Map<String, String> labels) {
    Map<String, Long> counts = new LinkedHashMap<>();
    labels.keySet().forEach(k -> counts.put(k, 0L));
    long missing = 0;
    for (EmergencyVisit v : visits) {
      String k = key.apply(v);
      if (k == null) {
        missing++;
      } else {
        counts.merge(k, 1L, Long::sum);
      }
    }
    List<Table.Row> rows = new ArrayList<>();
    counts.forEach((k, n) -> rows.add(new Table.Row(k, labels.getOrDefault(k, k), n)));
    return new Table(title, rows, missing, 0);
  }

  /** The {@code limit} most frequent keys (ties by key), with labels; visits without a key are missing. */
  static Table top(String title, List<EmergencyVisit> visits, Function<EmergencyVisit, List<String>> keys,
      Function<String, String> label, int limit) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long missing = 0;
    for (EmergencyVisit v : visits) {
      List<String> ks = keys.apply(v);
      if (ks.isEmpty()) {
        missing++;
      }
      ks.forEach(k -> counts.merge(k, 1L, Long::sum));
    }
    List<Table.Row> rows = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(e -> new Table.Row(e.getKey(), label.apply(e.getKey()), e.getValue())).toList();
    return new Table(title, rows, missing, 0);
  }

  /** A table of given counts under numbered keys. */
  static Table numbered(String title, long[] counts, Function<Integer, String> label, long missing, long leftOut) {
    List<Table.Row> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(new Table.Row(String.valueOf(i), label.apply(i), counts[i]));
    }
    return new Table(title, rows, missing, leftOut);
  }
}
