package org.datenraum.node.admin;

import java.util.List;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.audit.AuditReport;

/** The site's audit log verified, with its newest entries first. Immutable. */
public record AuditView(AuditReport report, List<AuditEntry> newest) {

  public AuditView {
    newest = List.copyOf(newest);
  }
}
