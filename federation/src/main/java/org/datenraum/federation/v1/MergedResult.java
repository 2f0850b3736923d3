package org.datenraum.federation.v1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sum of the sites' protected answers under the network's disclosure rules. Immutable.
 *
 * @param total           the merged cohort size, or {@code "< 20"}
 * @param sitesReporting  sites that completed with a number
 * @param sitesSuppressed sites that completed but released no number (below their threshold)
 * @param sites           the per-site breakdown under random labels, empty when not allowed
 * @param strata          merged strata, each cell a number or hidden
 */
public record MergedResult(Shown total, int sitesReporting, int sitesSuppressed, List<SiteCount> sites,
    Map<String, Map<String, Shown>> strata) {

  public MergedResult {
    Fields.required(total, "total");
    sites = Fields.list(sites);
    Map<String, Map<String, Shown>> copy = new LinkedHashMap<>();
    if (strata != null) {
      strata.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    }
    strata = java.util.Collections.unmodifiableMap(copy);
  }
}
