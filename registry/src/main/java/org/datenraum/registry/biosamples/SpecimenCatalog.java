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

  /**
   * One specimen: its pseudonymous id, the sample types its type codings name, and the
   * sample-locator kinds (or, when it falls under none, its sample types).
   */
  private record Specimen(String id, Set<String> types, Set<String> kinds) {}

  /** How specimens are grouped: by sample type (SNOMED CT) or by the sample locator's kinds. */
  public enum Grouping {
    SAMPLE_TYPE, SAMPLE_KIND;

    Set<String> of(Specimen s) {
      return this == SAMPLE_TYPE ? s.types() : s.kinds();
    }
  }

  private final Map<String, List<Specimen>> byPatient;
  private final int specimens;

  private SpecimenCatalog(Map<String, List<Specimen>> byPatient, int specimens) {
    this.byPatient = byPatient;
    this.specimens = specimens;
  }

  /** Reads every specimen once; the facts of one specimen (one per type coding) become one entry. */
  public static SpecimenCatalog of(SpecimenFacts source) {
    Map<String, Map<String, Set<org.datenraum.core.Coding>>> types = new HashMap<>();
    source.specimenFacts().forEach((Fact f) -> types
        .computeIfAbsent(f.patient(), p -> new HashMap<>())
        .computeIfAbsent(f.resourceId(), r -> new HashSet<>())
        .add(f.code()));
    Map<String, List<Specimen>> byPatient = new HashMap<>();
    int count = 0;
    for (Map.Entry<String, Map<String, Set<org.datenraum.core.Coding>>> e : types.entrySet()) {
      List<Specimen> list = new ArrayList<>();
      for (Map.Entry<String, Set<org.datenraum.core.Coding>> t : e.getValue().entrySet()) {
        Set<String> keys = new HashSet<>();
        t.getValue().forEach(c -> keys.add(SampleTypes.key(c)));
        Set<String> kinds = SampleTypes.kinds(t.getValue());
        list.add(new Specimen(t.getKey(), Set.copyOf(keys), Set.copyOf(kinds.isEmpty() ? keys : kinds)));
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

  /** Availability for these patients (the cohort a query selected), by sample type. */
  public Availability availability(Set<String> cohort) {
    return availability(cohort, Grouping.SAMPLE_TYPE);
  }

  /** Availability for these patients, per group (sample type or sample-locator kind). */
  public Availability availability(Set<String> cohort, Grouping grouping) {
    Map<String, long[]> counts = new HashMap<>();
    for (String patient : cohort) {
      List<Specimen> own = byPatient.get(patient);
      if (own == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Specimen specimen : own) {
        for (String type : grouping.of(specimen)) {
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
    return cells(cohort, kinds, Grouping.SAMPLE_TYPE);
  }

  /** As {@link #cells(Set, List)}, the cells being groups of this grouping. */
  public Map<String, Map<String, Set<String>>> cells(Set<String> cohort, List<String> kinds,
      Grouping grouping) {
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
        for (String type : grouping.of(specimen)) {
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
