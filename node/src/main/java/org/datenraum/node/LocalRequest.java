package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.SiteResult;

/**
 * A request as the site keeps it: the document, the local state, who decided, and the protected
 * answer once there is one. Immutable.
 */
public record LocalRequest(RequestDocument request, LocalState state, Instant updated, String note,
    SiteResult released) {

  public LocalRequest {
    requireNonNull(request, "request");
    requireNonNull(state, "state");
    requireNonNull(updated, "updated");
  }

  LocalRequest with(LocalState s, Instant at, String n, SiteResult r) {
    return new LocalRequest(request, s, at, n, r);
  }
}
