package org.datenraum.node;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Result;
import org.datenraum.privacy.ConsentPolicy;

/** One registry report a site produces from its data (see {@link SiteReports}). */
public interface SiteReport {

  /** The report's name on the wire, e.g. {@code emergency}. */
  String name();

  /** The exact cells, or the problem (e.g. a missing or malformed parameter). */
  Result<ReportCells> cells(Map<String, String> parameters, LocalDate today, ConsentPolicy consent);

  /** The reports a site produces, by name; a name given twice is a wiring mistake. */
  static SiteReports all(List<SiteReport> reports) {
    Map<String, SiteReport> byName = new HashMap<>();
    for (SiteReport r : reports) {
      if (byName.put(r.name(), r) != null) {
        throw new IllegalArgumentException("two site reports are named `" + r.name() + "`.");
      }
    }
    return (report, parameters, today, consent) -> {
      SiteReport r = byName.get(report);
      return r == null ? Result.fail(SiteReports.unknown(report)) : r.cells(parameters, today, consent);
    };
  }
}
