package org.datenraum.federation.v1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A site's protected answer, its strata and cells in the order the site gives them. Immutable.
 *
 * @param total  the cohort size
 * @param strata per requested stratum (e.g. {@code sex}), the count of each value (e.g. {@code female});
 *               empty for a feasibility request
 */
public record SiteResult(Count total, Map<String, Map<String, Count>> strata) {

  public SiteResult {
    Fields.required(total, "total");
    Map<String, Map<String, Count>> copy = new LinkedHashMap<>();
    if (strata != null) {
      strata.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(
          new LinkedHashMap<>(Fields.required(v, "strata." + k)))));
    }
    strata = java.util.Collections.unmodifiableMap(copy);
  }

  public static SiteResult total(Count total) {
    return new SiteResult(total, Map.of());
  }
}
