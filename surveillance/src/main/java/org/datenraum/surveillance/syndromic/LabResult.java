package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One microbiology result as the pathogen definitions see it. Immutable.
 *
 * @param patient a number that tells results of one patient apart within one site (the store's
 *     patient number; it is used to count a patient's repeated findings once and never leaves
 *     the site)
 * @param day local calendar day of the result (effective time)
 * @param age age in completed years on that day, empty when unknown
 * @param loinc the LOINC code of the test
 * @param value the coded result as {@code system|code}, empty string when there is none
 * @param interpretations interpretation codes (for example {@code POS})
 */
public record LabResult(int patient, LocalDate day, OptionalInt age, String loinc, String value,
    Set<String> interpretations) {

  public LabResult {
    requireNonNull(day, "day");
    requireNonNull(age, "age");
    requireNonNull(loinc, "loinc");
    requireNonNull(value, "value");
    interpretations = Set.copyOf(interpretations);
  }

  /** The result's age band, or null when the age is unknown. */
  public AgeGroup band() {
    return age.isPresent() ? AgeGroup.band(age.getAsInt()) : null;
  }

  @Override
  public String toString() {
    return "LabResult[" + day + ", " + loinc + "]";
  }
}
