package org.datenraum.app.federation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.Shown;

/**
 * Prints a result's strata as one table when its tables share their cells (a report such as
 * {@code biosamples}: per sample type, patients and specimens): cells as rows, tables as columns.
 */
final class StrataTable {

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
    for (String cell : strata.get(tables.get(0)).keySet()) {
      StringBuilder row = new StringBuilder(String.format("  %-20s", cell));
      tables.forEach(t -> row.append(String.format(" %12s", strata.get(t).get(cell))));
      out.println(row);
    }
  }
}
