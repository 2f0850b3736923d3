package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;

/**
 * One patient and the facts of theirs the indicators read ({@link IcuFactSelection}), with the
 * type codes of the Locations their encounters refer to, keyed by the reference
 * ({@code Location/id}; a Location that is not known is absent). Immutable.
 */
public record PatientFacts(PatientRecord patient, List<Fact> facts,
    Map<String, List<Coding>> locations) {

  public PatientFacts {
    requireNonNull(patient, "patient");
    facts = List.copyOf(facts);
    locations = Map.copyOf(locations);
  }

  /** A patient whose encounters refer to no known Location. */
  public PatientFacts(PatientRecord patient, List<Fact> facts) {
    this(patient, facts, Map.of());
  }

  /** The patient with those of the {@code known} Locations their Encounter facts refer to. */
  public static PatientFacts referring(PatientRecord patient, List<Fact> facts,
      Map<String, List<Coding>> known) {
    Map<String, List<Coding>> out = new HashMap<>();
    for (Fact f : facts) {
      List<Coding> types = f.resourceType().equals("Encounter")
          && f.code().system().equals(IcuStays.REFERENCE) ? known.get(f.code().code()) : null;
      if (types != null) {
        out.put(f.code().code(), types);
      }
    }
    return new PatientFacts(patient, facts, out);
  }

  @Override
  public String toString() {
    return "PatientFacts[" + facts.size() + " facts]";
  }
}
