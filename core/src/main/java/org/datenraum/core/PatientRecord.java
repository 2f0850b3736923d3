package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * What the research store keeps of a patient: the pseudonym, birth year and month, sex and
 * deceased flag, nothing identifying. Immutable.
 *
 * @param pseudonym the keyed pseudonym
 * @param birth     year and month of birth, or null when unknown
 * @param sex       administrative gender
 * @param deceased  whether the patient is recorded as deceased
 */
public record PatientRecord(String pseudonym, YearMonth birth, Sex sex, boolean deceased) {

  public PatientRecord {
    requireNonNull(pseudonym, "pseudonym");
    requireNonNull(sex, "sex");
  }

  @Override
  public String toString() {
    return "PatientRecord[redacted]";
  }
}
