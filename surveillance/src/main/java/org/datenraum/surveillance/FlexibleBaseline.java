package org.datenraum.surveillance;

import java.util.Arrays;
import org.datenraum.core.Result;

/** Assembles farringtonFlexible's reference data for one epoch ({@code algo.farrington.data.glm}). */
final class FlexibleBaseline {

  private FlexibleBaseline() {}

  /** The series' counts and population, copied once per series. */
  record Columns(double[] observed, double[] population) {
    static Columns of(CountSeries series) {
      return new Columns(series.observed(), series.population());
    }
  }

  static Result<BaselineData> of(Columns series, EpochCalendar calendar, int k,
      ReferenceWindows windows, boolean populationOffset) {
    int n = series.observed().length;
    return calendar.flexibleReferencePoints(k, windows.b())
        .flatMap(points -> SeasonalBlocks.of(n, points, windows.w(), windows.noPeriods()))
        .map(levels -> assemble(series, calendar, k, windows, populationOffset, levels));
  }

  private static BaselineData assemble(Columns series, EpochCalendar calendar, int k,
      ReferenceWindows windows, boolean populationOffset, int[] levels) {
    int length = series.observed().length;
    // The most recent epochs leave the baseline (pastWeeksNotIncluded).
    SeasonalBlocks.assign(levels, k - windows.excludedRecentEpochs(), k, 0);
    int[] blocks = new int[length];
    int count = 0;
    for (int i = 1; i <= length; i++) {
      if (levels[i] != 0) {
        blocks[count++] = i;
      }
    }
    blocks = Arrays.copyOf(blocks, count);
    boolean[] present = new boolean[windows.noPeriods() + 1];
    for (int epoch : blocks) {
      present[levels[epoch]] = true;
    }
    int[] sortedLevels = new int[present.length];
    int levelCount = 0;
    for (int level = 1; level < present.length; level++) {
      if (present[level]) {
        sortedLevels[levelCount++] = level;
      }
    }
    sortedLevels = Arrays.copyOf(sortedLevels, levelCount);
    double[] observed = series.observed();
    double[] population = series.population();
    int rows = 0;
    for (int epoch : blocks) {
      if (!Double.isNaN(observed[epoch - 1])) {
        rows++;
      }
    }
    double[] response = new double[rows];
    double[] wtime = new double[rows];
    int[] season = new int[rows];
    double[] offset = populationOffset ? new double[rows] : null;
    int firstRow = 0;
    int r = 0;
    for (int epoch : blocks) {
      if (Double.isNaN(observed[epoch - 1])) {
        continue;
      }
      if (r == 0) {
        firstRow = epoch;
      }
      response[r] = observed[epoch - 1];
      wtime[r] = wtime(calendar, epoch, blocks.length == 0 ? epoch : blocks[0]);
      season[r] = Arrays.binarySearch(sortedLevels, levels[epoch]);
      if (offset != null) {
        offset[r] = Math.log(population[epoch - 1]);
      }
      r++;
    }
    double wtimeNow = wtime(calendar, k, firstRow);
    int current = Arrays.binarySearch(sortedLevels, windows.noPeriods());
    double offsetNow = populationOffset ? Math.log(population[k - 1]) : 0;
    return new BaselineData(response, wtime, season, sortedLevels.length,
        Math.max(current, 0), offset, wtimeNow, offsetNow);
  }

  private static double wtime(EpochCalendar calendar, int epoch, int origin) {
    if (!calendar.hasDates()) {
      return epoch;
    }
    double days = calendar.date(epoch).toEpochDay() - calendar.date(origin).toEpochDay();
    return days / calendar.firstStep();
  }
}
