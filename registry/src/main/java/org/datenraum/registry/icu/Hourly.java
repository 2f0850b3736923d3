package org.datenraum.registry.icu;

import java.util.Arrays;
import java.util.List;

/** Samples of one measure folded into the hours of a grid (NaN: no sample). Stateless. */
final class Hourly {

  private Hourly() {}

  /** Each hour's worst sample (the highest or the lowest, as the measure says). */
  static double[] worst(StaySamples s, Measure m) {
    double[] out = nan(s.grid.hours());
    for (StaySamples.Sample x : s.of(m)) {
      int h = s.grid.index(x.time());
      if (h >= 0 && (Double.isNaN(out[h])
          || (m.higherIsWorse() ? x.value() > out[h] : x.value() < out[h]))) {
        out[h] = x.value();
      }
    }
    return out;
  }

  /** Each hour's mean. */
  static double[] mean(StaySamples s, Measure m) {
    return fold(s, s.of(m), true);
  }

  /** Each hour's sum. */
  static double[] sum(StaySamples s, Measure m) {
    return fold(s, s.of(m), false);
  }

  private static double[] fold(StaySamples s, List<StaySamples.Sample> samples, boolean mean) {
    double[] sum = new double[s.grid.hours()];
    int[] n = new int[s.grid.hours()];
    for (StaySamples.Sample x : samples) {
      int h = s.grid.index(x.time());
      if (h >= 0) {
        sum[h] += x.value();
        n[h]++;
      }
    }
    for (int h = 0; h < sum.length; h++) {
      sum[h] = n[h] == 0 ? Double.NaN : mean ? sum[h] / n[h] : sum[h];
    }
    return sum;
  }

  static double[] nan(int hours) {
    double[] out = new double[hours];
    Arrays.fill(out, Double.NaN);
    return out;
  }
}
