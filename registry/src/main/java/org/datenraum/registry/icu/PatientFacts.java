package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;

/**
 * One patient and the facts of theirs the indicators read ({@link IcuFactSelection}). Immutable.
 */
public record PatientFacts(PatientRecord patient, List<Fact> facts) {

  public PatientFacts {
    requireNonNull(patient, "patient");
    facts = List.copyOf(facts);
  }

  @Override
  public String toString() {
    return "PatientFacts[" + facts.size() + " facts]";
  }
}
