package org.datenraum.store;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Patients selected by a query, as distinct numbers (ascending) of a {@link PatientNumbering}.
 * The array is copied in and out.
 */
public record NumberedPatients(PatientNumbering numbering, int[] numbers) {

  public NumberedPatients {
    requireNonNull(numbering, "numbering");
    numbers = requireNonNull(numbers, "numbers").clone();
    for (int i = 0; i < numbers.length; i++) {
      if (numbering.pseudonym(numbers[i]) == null || i > 0 && numbers[i] <= numbers[i - 1]) {
        throw new IllegalArgumentException("patient number `" + numbers[i] + "` is not an ascending number of a"
            + " patient of the numbering: select numbers from the numbering they are given with.");
      }
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

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberedPatients n && n.numbering == numbering && Arrays.equals(n.numbers, numbers);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(numbering) * 31 + Arrays.hashCode(numbers);
  }

  @Override
  public String toString() {
    return "NumberedPatients[" + numbers.length + " of " + numbering + "]";
  }
}
