package org.datenraum.federation.v1;

import java.util.List;

/**
 * A round of the standing surveillance request and where it stands at every site. Immutable.
 *
 * @param id    the round's request id
 * @param round what the round asks
 * @param sites the status at every site
 */
public record StartedRound(String id, SurveillanceRound round, List<SiteState> sites) {

  public StartedRound {
    Fields.text(id, "id");
    Fields.required(round, "round");
    sites = Fields.list(sites);
  }

  /** Whether every site reached a final status. */
  public boolean done() {
    return sites.stream().allMatch(s -> s.status().terminal());
  }
}
