package org.datenraum.registry.icu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;

/** {@link IcuFacts} over patients and facts held in memory. Immutable and thread-safe. */
public final class InMemoryIcuFacts implements IcuFacts {

  private final List<PatientFacts> patients;

  private InMemoryIcuFacts(List<PatientFacts> patients) {
    this.patients = List.copyOf(patients);
  }

  /** The selected facts of these patients, grouped by patient (facts of others are ignored). */
  public static InMemoryIcuFacts of(List<PatientRecord> patients, List<Fact> facts) {
    return of(patients, facts, Map.of());
  }

  /**
   * As {@link #of(List, List)}, with the type codes of the known Locations keyed by their
   * reference ({@code Location/id}).
   */
  public static InMemoryIcuFacts of(List<PatientRecord> patients, List<Fact> facts,
      Map<String, List<Coding>> locations) {
    Map<String, List<Fact>> byPatient = new LinkedHashMap<>();
    for (PatientRecord p : patients) {
      byPatient.put(p.pseudonym(), new ArrayList<>());
    }
    for (Fact f : facts) {
      List<Fact> list = byPatient.get(f.patient());
      if (list != null && IcuFactSelection.wanted(f)) {
        list.add(f);
      }
    }
    List<PatientFacts> out = new ArrayList<>();
    for (PatientRecord p : patients) {
      List<Fact> list = byPatient.get(p.pseudonym());
      if (list.stream().anyMatch(f -> f.resourceType().equals("Encounter"))) {
        out.add(PatientFacts.referring(p, list, locations));
      }
    }
    return new InMemoryIcuFacts(out);
  }

  @Override
  public void forEachPatient(Consumer<PatientFacts> sink) {
    patients.forEach(sink);
  }
}
