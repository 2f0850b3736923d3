package org.datenraum.query.ccdl;

import java.util.List;

/**
 * A feasibility query: patients who meet every inclusion group (each an OR of criteria) and no
 * exclusion group (each an AND of criteria). Immutable.
 *
 * @param version   the {@code version} string as sent, or null
 * @param display   a title, or null
 * @param inclusion AND of OR-groups, at least one group
 * @param exclusion OR of AND-groups, possibly empty
 */
public record CcdlQuery(
    String version, String display, List<List<Criterion>> inclusion, List<List<Criterion>> exclusion) {

  public CcdlQuery {
    inclusion = inclusion.stream().map(List::copyOf).toList();
    exclusion = exclusion.stream().map(List::copyOf).toList();
    if (inclusion.isEmpty()) {
      throw new IllegalArgumentException("inclusion is empty");
    }
  }
}
