package org.datenraum.federation.audit;

import static java.util.Objects.requireNonNull;

import org.datenraum.federation.v1.AuditHead;

/**
 * A head of a log held outside it: by the other end of the network, or in an anchor file the log's
 * writer keeps. The log must reach it, and its entry there must carry the same seal. Immutable.
 *
 * @param source who holds it, for messages (e.g. {@code site `a`}, {@code anchor file `F`})
 * @param head   the head held
 */
public record AuditAnchor(String source, AuditHead head) {

  public AuditAnchor {
    requireNonNull(source, "source");
    requireNonNull(head, "head");
  }
}
