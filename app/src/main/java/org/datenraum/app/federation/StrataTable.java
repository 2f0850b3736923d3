package org.datenraum.app.federation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.Shown;

/**
 * Prints a result's strata as one table when its tables share their cells (a report such as
 * {@code biosamples}: per sample type, patients and specimens): cells as rows, tables as columns,
 * and a bar of the first table's number per row, as long as {@value #BAR} marks for the largest;
 * a hidden cell has no bar.
 */
final class StrataTable {

  static final int BAR = 30;

  private StrataTable() {}

  /** Whether the strata are two or more tables over the same cells. */
  static boolean fits(Map<String, Map<String, Shown>> strata) {
    if (strata.size() < 2) {
      return false;
    }
    var cells = strata.values().iterator().next().keySet();
    return strata.values().stream().allMatch(t -> t.keySet().equals(cells));
  }

  static void print(Map<String, Map<String, Shown>> strata, PrintWriter out) {
    List<String> tables = new ArrayList<>(strata.keySet());
    StringBuilder head = new StringBuilder(String.format("  %-20s", ""));
    tables.forEach(t -> head.append(String.format(" %12s", t)));
    out.println(head);
    Map<String, Shown> first = strata.get(tables.get(0));
    long max = first.values().stream().filter(c -> c.value() != null).mapToLong(Shown::value).max().orElse(0);
    for (String cell : first.keySet()) {
      StringBuilder row = new StringBuilder(String.format("  %-20s", cell));
      tables.forEach(t -> row.append(String.format(" %12s", strata.get(t).get(cell))));
      out.println((row + "  " + bar(first.get(cell).value(), max)).stripTrailing());
    }
  }

  static String bar(Long value, long max) {
    if (value == null || value <= 0 || max <= 0) {
      return "";
    }
    return "#".repeat((int) Math.max(1, Math.round(BAR * (double) value / max)));
  }
}
