package org.datenraum.broker.internal;

import java.util.Map;
import java.util.regex.Pattern;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.Echo;
import org.datenraum.federation.v1.SiteResult;

/**
 * Checks a site's answer to a report request as if an attacker wrote it. The broker does not know
 * each report's tables (sites may run newer report definitions), so it bounds their shape: at most
 * {@value #MAX_TABLES} tables of at most {@value #MAX_CELLS} cells, names of printable characters
 * of bounded length. Counts are bounded by {@link Count} itself. Stateless.
 */
final class ReportCheck {

  static final int MAX_TABLES = 100;
  static final int MAX_CELLS = 2_000;

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:+<>=/()%-]{0,79}");

  private ReportCheck() {}

  static void check(String id, SiteResult r) {
    if (r.strata().size() > MAX_TABLES) {
      throw ResultCheck.refused("$.strata", "The answer to report request `" + id + "` carries " + r.strata().size()
          + " tables; a report has at most " + MAX_TABLES + ".");
    }
    for (Map.Entry<String, Map<String, Count>> t : r.strata().entrySet()) {
      name(t.getKey(), "$.strata", "Table");
      if (t.getValue().size() > MAX_CELLS) {
        throw ResultCheck.refused("$.strata." + Echo.of(t.getKey()), "Table `" + Echo.of(t.getKey()) + "` has "
            + t.getValue().size() + " cells; a report table has at most " + MAX_CELLS + ".");
      }
      for (String cell : t.getValue().keySet()) {
        name(cell, "$.strata." + t.getKey(), "Cell");
      }
    }
  }

  private static void name(String name, String field, String what) {
    if (!NAME.matcher(name).matches()) {
      throw ResultCheck.refused(field, what + " `" + Echo.of(name) + "` is not a report name: expected at most 80"
          + " letters, digits, spaces or `._:+<>=/()%-`, starting with a letter or digit.");
    }
  }
}
