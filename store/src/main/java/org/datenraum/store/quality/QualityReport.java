package org.datenraum.store.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data quality of a site store: completeness per resource type and field, facts coded in a
 * code system outside the known ones (per system), and implausible dates (per reason). Counts
 * only, for the site's own pages. Immutable.
 *
 * @param measured      when it was measured
 * @param facts         facts examined
 * @param completeness  per resource type, sorted by type
 * @param unknownSystems facts per code system that is not known, sorted by system
 * @param implausible   facts per reason, see {@link DataQuality}
 */
public record QualityReport(Instant measured, long facts, List<FieldCompleteness> completeness,
    Map<String, Long> unknownSystems, Map<String, Long> implausible) {

  public QualityReport {
    completeness = List.copyOf(completeness);
    unknownSystems = java.util.Collections.unmodifiableMap(new TreeMap<>(unknownSystems));
    implausible = java.util.Collections.unmodifiableMap(new TreeMap<>(implausible));
  }
}
