package org.datenraum.store;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Numbers for the patients of one version of a site's data: number {@code n} stands for the
 * pseudonym {@link #pseudonym(int)}. Numbers are dense but may have gaps, and they are not stable:
 * another version of the store (a rebuild, a load) may number the same patients differently, so
 * anything kept by number is kept with the numbering it belongs to (compared by identity).
 * Immutable; thread-safe.
 */
public final class PatientNumbering {

  private final String[] byNumber;

  private PatientNumbering(String[] byNumber) {
    this.byNumber = byNumber;
  }

  /** A numbering in which {@code byNumber[n]} is the pseudonym of number n (null for a gap). */
  public static PatientNumbering of(String[] byNumber) {
    requireNonNull(byNumber, "byNumber");
    return new PatientNumbering(Arrays.copyOf(byNumber, byNumber.length));
  }

  /** One past the largest number. */
  public int size() {
    return byNumber.length;
  }

  /** The pseudonym of the patient with this number, or null when no patient has it. */
  public String pseudonym(int number) {
    return number >= 0 && number < byNumber.length ? byNumber[number] : null;
  }

  @Override
  public String toString() {
    return "PatientNumbering[" + byNumber.length + " numbers]";
  }
}
