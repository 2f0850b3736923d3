package org.datenraum.surveillance;

/**
 * The epochs to monitor, 1-based and inclusive, as {@code control$range} in R. Immutable.
 *
 * @param from first epoch
 * @param to last epoch
 */
public record EpochRange(int from, int to) {

  public EpochRange {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("range must satisfy 1 <= from <= to: " + from + ":" + to);
    }
  }

  /** Number of epochs in the range. */
  public int size() {
    return to - from + 1;
  }
}
