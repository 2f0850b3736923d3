package org.datenraum.federation.v1;

import java.time.Instant;

/** A request's status at one site, as the researcher sees it live. Immutable. */
public record SiteState(String site, SiteStatus status, Instant updated, String message) {

  public SiteState {
    Fields.text(site, "site");
    Fields.required(status, "status");
    Fields.required(updated, "updated");
  }
}
