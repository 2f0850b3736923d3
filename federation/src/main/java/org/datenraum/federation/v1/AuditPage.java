package org.datenraum.federation.v1;

import java.util.List;
import org.datenraum.federation.audit.AuditEntry;

/**
 * A page of the broker's audit log, newest first. Immutable.
 *
 * @param entries the entries
 * @param next    the {@code before} of the next (older) page, or null on the last
 */
public record AuditPage(List<AuditEntry> entries, Long next) {

  public AuditPage {
    entries = Fields.list(entries);
  }
}
