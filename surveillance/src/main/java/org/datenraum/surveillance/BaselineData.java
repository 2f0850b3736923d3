package org.datenraum.surveillance;

import java.util.Arrays;

/**
 * The reference values of one monitored epoch, ready for the GLM: responses, their time index
 * ({@code wtime}), seasonal factor levels and log-population offsets, plus the covariates of the
 * epoch itself. Immutable.
 */
final class BaselineData {

  private final double[] response;
  private final double[] wtime;
  private final int[] seasonLevel;
  private final int levelCount;
  private final int currentLevel;
  private final double[] offset;
  private final double wtimeNow;
  private final double offsetNow;

  BaselineData(double[] response, double[] wtime, int[] seasonLevel, int levelCount,
      int currentLevel, double[] offset, double wtimeNow, double offsetNow) {
    this.response = response;
    this.wtime = wtime;
    this.seasonLevel = seasonLevel;
    this.levelCount = levelCount;
    this.currentLevel = currentLevel;
    this.offset = offset;
    this.wtimeNow = wtimeNow;
    this.offsetNow = offsetNow;
  }

  /** Plain reference values without seasonal factor or offset (algo.farrington). */
  static BaselineData plain(double[] response, double[] wtime, double wtimeNow) {
    return new BaselineData(response, wtime, new int[response.length], 1, 0, null, wtimeNow, 0);
  }

  int size() {
    return response.length;
  }

  double[] response() {
    return response;
  }

  double[] offset() {
    return offset;
  }

  double offsetNow() {
    return offsetNow;
  }

  double maxResponse() {
    return Arrays.stream(response).max().orElse(Double.NaN);
  }

  /** Columns: intercept, wtime (with a trend), one indicator per seasonal level but the first. */
  int columns(boolean trend) {
    return 1 + (trend ? 1 : 0) + (levelCount - 1);
  }

  double[] design(boolean trend) {
    int n = response.length;
    int p = columns(trend);
    double[] x = new double[n * p];
    Arrays.fill(x, 0, n, 1);
    int next = 1;
    if (trend) {
      System.arraycopy(wtime, 0, x, n, n);
      next = 2;
    }
    for (int i = 0; i < n; i++) {
      if (seasonLevel[i] > 0) {
        x[(next + seasonLevel[i] - 1) * n + i] = 1;
      }
    }
    return x;
  }

  double[] predictionRow(boolean trend) {
    double[] row = new double[columns(trend)];
    row[0] = 1;
    int next = 1;
    if (trend) {
      row[1] = wtimeNow;
      next = 2;
    }
    if (currentLevel > 0) {
      row[next + currentLevel - 1] = 1;
    }
    return row;
  }
}
