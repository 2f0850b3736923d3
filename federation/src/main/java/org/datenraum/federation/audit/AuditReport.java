package org.datenraum.federation.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.datenraum.core.Problem;

/**
 * What verifying an audit log found. Immutable.
 *
 * @param entries  the number of entries read
 * @param legacy   how many of them are a legacy SHA-256 chain before the keyed part
 * @param keyed    whether the log has a keyed part
 * @param problems what was found wrong, each naming the entry; empty when the log is intact
 */
public record AuditReport(int entries, int legacy, boolean keyed, List<Problem> problems) {

  public AuditReport {
    requireNonNull(problems, "problems");
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
