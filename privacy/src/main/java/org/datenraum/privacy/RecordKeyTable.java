package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.util.function.IntFunction;

/**
 * The record keys of a numbered set of patients (e.g. a store version's patient numbers), held in
 * an array by number so that the {@link CellSum} of a cohort given as numbers is a few additions
 * per patient: no strings, no hashing, no sorting per count. Immutable after construction;
 * thread-safe.
 */
public final class RecordKeyTable {

  private final long[] keys;
  private final boolean[] present;

  private RecordKeyTable(long[] keys, boolean[] present) {
    this.keys = keys;
    this.present = present;
  }

  /**
   * The record keys of the patients numbered {@code 0 .. size - 1}.
   *
   * @param pseudonymOf the pseudonym of a number, or null where no patient has that number
   */
  public static RecordKeyTable of(CellKey cellKeys, int size, IntFunction<String> pseudonymOf) {
    requireNonNull(cellKeys, "cellKeys");
    requireNonNull(pseudonymOf, "pseudonymOf");
    if (size < 0) {
      throw new IllegalArgumentException("size `" + size + "` must not be negative.");
    }
    long[] keys = new long[2 * size];
    boolean[] present = new boolean[size];
    long[] one = new long[2];
    for (int n = 0; n < size; n++) {
      String p = pseudonymOf.apply(n);
      if (p != null) {
        cellKeys.record(p, one);
        keys[2 * n] = one[0];
        keys[2 * n + 1] = one[1];
        present[n] = true;
      }
    }
    return new RecordKeyTable(keys, present);
  }

  /** How many numbers the table covers. */
  public int size() {
    return present.length;
  }

  /**
   * The summary of the patients with these numbers, which must be distinct numbers of patients in
   * the table.
   */
  public CellSum sum(int[] numbers) {
    requireNonNull(numbers, "numbers");
    long high = 0;
    long low = 0;
    for (int n : numbers) {
      if (n < 0 || n >= present.length || !present[n]) {
        throw new IllegalArgumentException("patient number `" + n + "` is not in the table of " + present.length
            + ": count only patients of the numbering the table was made for.");
      }
      high += keys[2 * n];
      low += keys[2 * n + 1];
    }
    return new CellSum(numbers.length, high, low);
  }
}
