package org.datenraum.registry.biosamples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Fact;

/**
 * The site's specimens by patient, read once from the port: each specimen with the sample types
 * its type codings name. Answers availability questions for any set of patients without reading
 * the store again. Immutable and thread-safe.
 */
public final class SpecimenCatalog {

  private final Map<String, List<Set<String>>> byPatient;
  private final int specimens;

  private SpecimenCatalog(Map<String, List<Set<String>>> byPatient, int specimens) {
    this.byPatient = byPatient;
    this.specimens = specimens;
  }

  /** Reads every specimen once; the facts of one specimen (one per type coding) become one entry. */
  public static SpecimenCatalog of(SpecimenFacts source) {
    Map<String, Map<String, Set<String>>> types = new HashMap<>();
    source.specimenFacts().forEach((Fact f) -> types
        .computeIfAbsent(f.patient(), p -> new HashMap<>())
        .computeIfAbsent(f.resourceId(), r -> new HashSet<>())
        .add(SampleTypes.key(f.code())));
    Map<String, List<Set<String>>> byPatient = new HashMap<>();
    int count = 0;
    for (Map.Entry<String, Map<String, Set<String>>> e : types.entrySet()) {
      List<Set<String>> list = new ArrayList<>();
      for (Set<String> t : e.getValue().values()) {
        list.add(Set.copyOf(t));
      }
      count += list.size();
      byPatient.put(e.getKey(), List.copyOf(list));
    }
    return new SpecimenCatalog(Map.copyOf(byPatient), count);
  }

  /** The number of specimens at the site. */
  public int size() {
    return specimens;
  }

  /** Availability for these patients (the cohort a query selected). */
  public Availability availability(Set<String> cohort) {
    Map<String, long[]> counts = new HashMap<>();
    for (String patient : cohort) {
      List<Set<String>> own = byPatient.get(patient);
      if (own == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Set<String> typesOfSpecimen : own) {
        for (String type : typesOfSpecimen) {
          long[] c = counts.computeIfAbsent(type, t -> new long[2]);
          c[1]++;
          if (seen.add(type)) {
            c[0]++;
          }
        }
      }
    }
    Map<String, Availability.TypeCount> out = new HashMap<>();
    counts.forEach((type, c) -> out.put(type, new Availability.TypeCount(c[0], c[1])));
    return new Availability(cohort.size(), out);
  }
}
