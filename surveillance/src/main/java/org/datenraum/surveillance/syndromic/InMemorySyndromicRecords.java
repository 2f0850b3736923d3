package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Syndromic records held in memory, for tests and for data counted elsewhere. Immutable.
 *
 * @param zone the time zone the days are in
 * @param edVisits the ED visits
 * @param labResults all microbiology results; {@link #results} keeps those of the pathogens' tests
 */
public record InMemorySyndromicRecords(ZoneId zone, List<EdVisit> edVisits,
    List<LabResult> labResults) implements SyndromicRecords {

  public InMemorySyndromicRecords {
    requireNonNull(zone, "zone");
    edVisits = List.copyOf(edVisits);
    labResults = List.copyOf(labResults);
  }

  @Override
  public List<EdVisit> visits() {
    return edVisits;
  }

  @Override
  public List<LabResult> results(List<PathogenDefinition> pathogens) {
    Set<String> loinc = new HashSet<>();
    pathogens.forEach(p -> loinc.addAll(p.loinc()));
    return labResults.stream().filter(r -> loinc.contains(r.loinc())).toList();
  }
}
