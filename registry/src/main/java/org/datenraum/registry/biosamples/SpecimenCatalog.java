package org.datenraum.registry.biosamples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

  /** The cell of sample types outside the report's list. */
  public static final String OTHER = "other";

  /** One specimen: its pseudonymous id and the sample types its type codings name. */
  private record Specimen(String id, Set<String> types) {}

  private final Map<String, List<Specimen>> byPatient;
  private final int specimens;

  private SpecimenCatalog(Map<String, List<Specimen>> byPatient, int specimens) {
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
    Map<String, List<Specimen>> byPatient = new HashMap<>();
    int count = 0;
    for (Map.Entry<String, Map<String, Set<String>>> e : types.entrySet()) {
      List<Specimen> list = new ArrayList<>();
      for (Map.Entry<String, Set<String>> t : e.getValue().entrySet()) {
        list.add(new Specimen(t.getKey(), Set.copyOf(t.getValue())));
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
      List<Specimen> own = byPatient.get(patient);
      if (own == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Specimen specimen : own) {
        for (String type : specimen.types()) {
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

  /**
   * The records behind the counts, for disclosure control: per cell ({@code kinds} in their order,
   * then {@code other} for every other type) the patients of the cohort with such a specimen
   * (table {@code patients}) and those specimens' ids (table {@code specimens}). Every cell is
   * present, empty or not.
   */
  public Map<String, Map<String, Set<String>>> cells(Set<String> cohort, List<String> kinds) {
    Map<String, Set<String>> patients = new LinkedHashMap<>();
    Map<String, Set<String>> ids = new LinkedHashMap<>();
    for (String k : kinds) {
      patients.put(k, new HashSet<>());
      ids.put(k, new HashSet<>());
    }
    patients.put(OTHER, new HashSet<>());
    ids.put(OTHER, new HashSet<>());
    for (String patient : cohort) {
      for (Specimen specimen : byPatient.getOrDefault(patient, List.of())) {
        for (String type : specimen.types()) {
          String cell = patients.containsKey(type) ? type : OTHER;
          patients.get(cell).add(patient);
          ids.get(cell).add(specimen.id());
        }
      }
    }
    Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
    out.put("patients", patients);
    out.put("specimens", ids);
    return out;
  }
}
