package org.datenraum.federation.v1;

import java.time.Instant;

/**
 * A registered site as the operator sees it. Immutable.
 *
 * @param name         the site's name
 * @param revoked      whether its key is revoked
 * @param added        when it was registered
 * @param lastContact  the last call of its node since the broker started, or null
 * @param openRequests requests the site has not finished
 */
public record SiteOverview(String name, boolean revoked, Instant added, Instant lastContact, int openRequests) {

  public SiteOverview {
    Fields.text(name, "name");
    Fields.required(added, "added");
  }
}
