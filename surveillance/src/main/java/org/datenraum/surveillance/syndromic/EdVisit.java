package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One emergency department visit as the case definitions see it. Immutable; holds no identifier.
 *
 * @param day local calendar day of arrival
 * @param age age in completed years at arrival, empty when unknown
 * @param diagnoses ICD-10-GM codes of the visit's diagnoses, as written (for example {@code J10.1})
 * @param complaints CEDIS presenting complaint codes (for example {@code 661})
 * @param admitted whether an inpatient admission from the emergency department followed
 */
public record EdVisit(LocalDate day, OptionalInt age, Set<String> diagnoses,
    Set<String> complaints, boolean admitted) {

  public EdVisit {
    requireNonNull(day, "day");
    requireNonNull(age, "age");
    diagnoses = Set.copyOf(diagnoses);
    complaints = Set.copyOf(complaints);
    if (age.isPresent() && age.getAsInt() < 0) {
      throw new IllegalArgumentException("age must not be negative: " + age.getAsInt());
    }
  }

  /** The visit's age band, or null when the age is unknown. */
  public AgeGroup band() {
    return age.isPresent() ? AgeGroup.band(age.getAsInt()) : null;
  }

  @Override
  public String toString() {
    return "EdVisit[" + day + "]";
  }
}
