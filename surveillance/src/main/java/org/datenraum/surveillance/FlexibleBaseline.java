package org.datenraum.surveillance;

import java.util.Arrays;
import java.util.TreeSet;
import org.datenraum.core.Result;

/** Assembles farringtonFlexible's reference data for one epoch ({@code algo.farrington.data.glm}). */
final class FlexibleBaseline {

  private FlexibleBaseline() {}

  static Result<BaselineData> of(CountSeries series, EpochCalendar calendar, int k,
      ReferenceWindows windows, boolean populationOffset) {
    return calendar.flexibleReferencePoints(k, windows.b())
        .flatMap(points -> SeasonalBlocks.of(series.length(), points, windows.w(),
            windows.noPeriods()))
        .map(levels -> assemble(series, calendar, k, windows, populationOffset, levels));
  }

  private static BaselineData assemble(CountSeries series, EpochCalendar calendar, int k,
      ReferenceWindows windows, boolean populationOffset, int[] levels) {
    int[] ids = levels.clone();
    SeasonalBlocks.assign(ids, k - windows.excludedRecentEpochs(), k, 0);
    int[] blocks = new int[series.length()];
    int count = 0;
    for (int i = 1; i <= series.length(); i++) {
      if (ids[i] != 0) {
        blocks[count++] = i;
      }
    }
    blocks = Arrays.copyOf(blocks, count);
    TreeSet<Integer> present = new TreeSet<>();
    for (int epoch : blocks) {
      present.add(levels[epoch]);
    }
    Integer[] sortedLevels = present.toArray(new Integer[0]);
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
