package org.datenraum.registry.emergency;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One table of the report: counts per category in the report's order, and how many visits had no
 * value (missing) or were left out by a rule. Immutable.
 */
public record Table(String title, List<Row> rows, long missing, long leftOut) {

  public Table {
    requireNonNull(title, "title");
    rows = List.copyOf(rows);
  }

  /** One category: its code, its label, its count. */
  public record Row(String key, String label, long count) {}

  /** The count of a key, 0 when the table has no such row. */
  public long count(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).mapToLong(Row::count).sum();
  }

  /** The sum of the rows. */
  public long total() {
    return rows.stream().mapToLong(Row::count).sum();
  }

  /** The caption: what was missing or left out, as every chart says it. */
  public String caption() {
    String s = "Fehlende Werte: " + missing;
    return leftOut > 0 ? s + "; ausgelassen: " + leftOut : s;
  }
}
