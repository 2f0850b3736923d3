package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.datenraum.core.PatientRecord;
import org.datenraum.store.NumberedPatients;
import org.datenraum.store.PatientNumbering;

/**
 * The patients a plan selects after the consent policy: their numbers in a numbering of the site's
 * patients and their records, in the same order (record {@code i} is the patient numbered
 * {@code numbers[i]}, which the maker guarantees; checking it here would cost a string comparison
 * per patient and count). The collections are copied in and out.
 */
public record Cohort(PatientNumbering numbering, int[] numbers, List<PatientRecord> records) {

  public Cohort {
    requireNonNull(numbering, "numbering");
    numbers = new NumberedPatients(numbering, numbers).numbers();
    records = List.copyOf(records);
    if (records.size() != numbers.length) {
      throw new IllegalArgumentException("a cohort of " + numbers.length + " numbers has " + records.size()
          + " records: give one record per number.");
    }
  }

  @Override
  public int[] numbers() {
    return numbers.clone();
  }

  /** How many patients. */
  public int size() {
    return numbers.length;
  }
}
