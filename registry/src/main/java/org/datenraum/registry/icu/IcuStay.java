package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/**
 * One intensive care stay: the patient with their selected facts, the ICU encounter's pseudonym,
 * its period and the stay's own id (the encounter's pseudonym; for a second and later stay on ICU
 * locations within one encounter that pseudonym with {@code /n}). Immutable.
 */
public record IcuStay(PatientFacts patient, String encounter, Instant start, Instant end,
    String id) {

  public IcuStay {
    requireNonNull(patient, "patient");
    requireNonNull(encounter, "encounter");
    requireNonNull(id, "id");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a stay ends before it starts");
    }
  }

  /** A stay named by its encounter. */
  public IcuStay(PatientFacts patient, String encounter, Instant start, Instant end) {
    this(patient, encounter, start, end, encounter);
  }

  /**
   * Completed years at admission counted from the first day of the birth month (the store keeps
   * year and month only), empty when the birth is unknown or after the admission.
   */
  public OptionalInt ageAtAdmission() {
    YearMonth birth = patient.patient().birth();
    if (birth == null) {
      return OptionalInt.empty();
    }
    LocalDate admission = LocalDate.ofInstant(start, ZoneOffset.UTC);
    LocalDate born = birth.atDay(1);
    return born.isAfter(admission) ? OptionalInt.empty()
        : OptionalInt.of(Period.between(born, admission).getYears());
  }

  @Override
  public String toString() {
    return "IcuStay[redacted]";
  }
}
