package org.datenraum.surveillance;

import java.util.OptionalInt;

/**
 * Which past epochs form the baseline: windows of ±{@code w} epochs around the same epoch in each
 * of the {@code b} previous years; with {@code noPeriods} &gt; 1 the rest of each year is split
 * into {@code noPeriods − 1} blocks that enter the model as a seasonal factor; the last
 * {@code pastWeeksNotIncluded} epochs (default w) are left out. Immutable.
 */
public record ReferenceWindows(int b, int w, int noPeriods, OptionalInt pastWeeksNotIncluded) {

  public ReferenceWindows {
    if (b < 1) {
      throw new IllegalArgumentException("b must be at least 1: " + b);
    }
    if (w < 0) {
      throw new IllegalArgumentException("w must not be negative: " + w);
    }
    if (noPeriods < 1) {
      throw new IllegalArgumentException("noPeriods must be at least 1: " + noPeriods);
    }
    if (pastWeeksNotIncluded.isPresent() && pastWeeksNotIncluded.getAsInt() < 0) {
      throw new IllegalArgumentException("pastWeeksNotIncluded must not be negative");
    }
  }

  /** b years of ±w windows, no seasonal blocks, the last w epochs left out. */
  public static ReferenceWindows of(int b, int w) {
    return new ReferenceWindows(b, w, 1, OptionalInt.empty());
  }

  /** The number of recent epochs left out, defaulting to w. */
  public int excludedRecentEpochs() {
    return pastWeeksNotIncluded.orElse(w);
  }
}
