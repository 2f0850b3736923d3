package org.datenraum.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a site store: patients, resources by type, facts, quarantined records. Immutable.
 *
 * @param patients    stored Patient resources
 * @param resources   stored resources by type, sorted by type
 * @param facts       stored facts
 * @param quarantined records in quarantine
 */
public record SiteStats(long patients, Map<String, Long> resources, long facts, long quarantined) {

  public SiteStats {
    resources = java.util.Collections.unmodifiableMap(new TreeMap<>(resources));
  }

  /** All stored resources. */
  public long totalResources() {
    return resources.values().stream().mapToLong(Long::longValue).sum();
  }
}
