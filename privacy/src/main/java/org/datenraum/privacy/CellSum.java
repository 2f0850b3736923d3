package org.datenraum.privacy;

/**
 * What the cell key of a count is drawn from: how many distinct patients are counted and the sums,
 * modulo 2<sup>64</sup>, of the high and low halves of their 128-bit record keys (see
 * {@link CellKey#record}). Adding is commutative and associative, so the summary of a set does not
 * depend on the order in which its patients are added, and no sorting is needed; without the
 * noise secret the record keys, and so the sums, are unknown.
 *
 * @param count the number of distinct patients summed
 * @param high the sum of the record keys' high halves, modulo 2<sup>64</sup>
 * @param low the sum of the record keys' low halves, modulo 2<sup>64</sup>
 */
public record CellSum(long count, long high, long low) {

  /** The summary of no patients. */
  public static final CellSum EMPTY = new CellSum(0, 0, 0);

  public CellSum {
    if (count < 0) {
      throw new IllegalArgumentException("count `" + count + "` must not be negative.");
    }
  }

  /** This summary with one more patient, whose record key has these halves. */
  public CellSum plus(long recordHigh, long recordLow) {
    return new CellSum(count + 1, high + recordHigh, low + recordLow);
  }
}
