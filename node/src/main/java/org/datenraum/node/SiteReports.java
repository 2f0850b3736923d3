package org.datenraum.node;

import java.time.LocalDate;
import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.privacy.ConsentPolicy;

/**
 * The registry reports a site answers through the network (the port the registries implement;
 * the node passes every cell through its disclosure control). Implementations count only patients
 * whose consent the policy lets count, and give every cell the report defines.
 */
@FunctionalInterface
public interface SiteReports {

  /**
   * The exact cells of a report, or the problem: an unknown report or parameter, or a site that
   * cannot produce it.
   *
   * @param report     the report's name, e.g. {@code emergency}
   * @param parameters the report's parameters, as the researcher gave them (checked by the report)
   * @param today      the date the request is answered
   * @param consent    which patients may be counted
   */
  Result<ReportCells> cells(String report, Map<String, String> parameters, LocalDate today, ConsentPolicy consent);

  /** A site without registry reports: every report request fails with the reason. */
  static SiteReports none() {
    return (report, parameters, today, consent) -> Result.fail(unknown(report));
  }

  /** The problem of a report this site does not produce. */
  static Problem unknown(String report) {
    return Problem.unsupported("DR-5650", "this site does not produce the report `" + report + "`.");
  }
}
