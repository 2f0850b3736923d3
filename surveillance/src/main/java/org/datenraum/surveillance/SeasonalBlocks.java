package org.datenraum.surveillance;

import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * The seasonal factor of farringtonFlexible ({@code blocks()} in R): the current window and the
 * ±w windows around the reference points get level {@code noPeriods}; with noPeriods &gt; 1 the
 * epochs between two windows are split into noPeriods − 1 consecutive blocks 1, 2, … (the first
 * blocks one epoch longer when the split is uneven). Level 0 means "not in the baseline".
 */
final class SeasonalBlocks {

  private SeasonalBlocks() {}

  /**
   * @param n number of epochs in the series
   * @param referencePoints epoch k first, then the reference points 1..b years back
   */
  static Result<int[]> of(int n, int[] referencePoints, int w, int periods) {
    int[] levels = new int[n + 1];
    int now = referencePoints[0];
    assign(levels, now - w, now, periods);
    for (int i = 1; i < referencePoints.length; i++) {
      int refWeek = referencePoints[i];
      assign(levels, refWeek - w, refWeek + w, periods);
      if (periods != 1) {
        int period = referencePoints[i - 1] - 2 * w - 1 - refWeek;
        if (period < periods - (2 * w + 1)) {
          return Result.fail(Problem.invalid("DR-6102", "`noPeriods` = " + periods
              + " splits the " + period + " epochs between two reference windows into too many"
              + " blocks: choose a smaller `noPeriods`."));
        }
        int length = period / (periods - 1);
        int rest = period % (periods - 1);
        int offset = 0;
        for (int j = 1; j <= periods - 1; j++) {
          int blockLength = length + (j <= rest ? 1 : 0);
          int from = refWeek + w + 1 + offset;
          assign(levels, from, from + blockLength - 1, j);
          offset += blockLength;
        }
      }
    }
    return Result.ok(levels);
  }

  /** R's {@code v[from:to] <- value}, including the descending sequence when to &lt; from. */
  static void assign(int[] levels, int from, int to, int value) {
    int step = from <= to ? 1 : -1;
    for (int i = from; ; i += step) {
      if (i >= 1 && i < levels.length) {
        levels[i] = value;
      }
      if (i == to) {
        break;
      }
    }
  }
}
