package org.datenraum.surveillance;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * The count CUSUM of {@code algo.cusum} (Rossi et al. 1999 standardisations): S_t = max(0,
 * S_{t−1} + z_t − k) with S = 0 before the range, alarm when S_t ≥ h; the upper bound is the count
 * that would have made S_t reach h (for {@code standard}: ⌈√m(h + k − S_{t−1}) + m⌉), 0 when
 * negative or undefined. Immutable and thread-safe.
 */
final class CusumDetector implements Detector {

  static final String METHOD = "cusum";

  private final CusumControl control;

  CusumDetector(CusumControl control) {
    this.control = control;
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public Result<Detection> detect(CountSeries series) {
    Result<EpochRange> range = control.range()
        .map(r -> RangeCheck.within(r, series, METHOD))
        .orElseGet(() -> RangeCheck.fromDefault(series.frequency() + 1, series, METHOD,
            "give a range with `--control range=FROM:TO`"));
    return range.flatMap(r -> r.from() < 2 && control.m().isEmpty()
        ? Result.fail(Problem.invalid("DR-6107", "The cusum range starts at epoch 1, so no"
            + " earlier epochs estimate the expected count: start the range later or give `m`."))
        : Result.ok(run(series, r)));
  }

  private Detection run(CountSeries series, EpochRange range) {
    double[] y = series.observed();
    double m = control.m().orElseGet(() -> meanBefore(y, range.from()));
    double k = control.k();
    double h = control.h();
    double cusum = 0;
    List<WeekResult> weeks = new ArrayList<>(range.size());
    for (int t = range.from(); t <= range.to(); t++) {
      double x = y[t - 1];
      double previous = cusum;
      cusum = Math.max(0, previous + standardise(x, m) - k);
      double upper = upperBound(m, h, k, previous, cusum);
      upper = Double.isNaN(upper) || upper < 0 ? 0 : upper;
      Alarm alarm = Double.isNaN(cusum) ? Alarm.UNDETERMINED : Alarm.of(cusum >= h);
      weeks.add(new WeekResult(t, x, m, upper, alarm));
    }
    return new Detection(series.name(), METHOD, weeks);
  }

  private static double meanBefore(double[] y, int from) {
    double sum = 0;
    for (int i = 0; i < from - 1; i++) {
      sum += y[i];
    }
    return sum / (from - 1);
  }

  private double standardise(double x, double m) {
    return switch (control.trans()) {
      case ROSSI -> (x - 3 * m + 2 * Math.sqrt(x * m)) / (2 * Math.sqrt(m));
      case STANDARD -> (x - m) / Math.sqrt(m);
      case ANSCOMBE -> 1.5 * (Math.pow(x, 2.0 / 3) - Math.pow(m, 2.0 / 3)) / Math.pow(m, 1.0 / 6);
      case ANSCOMBE_2ND -> (Math.pow(x, 2.0 / 3) - (Math.pow(m, 2.0 / 3) - Math.pow(m, -1.0 / 3) / 9))
          / (2.0 / 3 * Math.pow(m, 1.0 / 6));
      case PEARSON_NEG_BIN -> (x - m) / Math.sqrt(m + control.alpha() * m * m);
      case NONE -> x;
    };
  }

  private double upperBound(double m, double h, double k, double previous, double cusum) {
    double reach = h + k - previous;
    return switch (control.trans()) {
      case ROSSI -> 2 * h * Math.sqrt(m) + 2 * k * Math.sqrt(m) - 2 * previous * Math.sqrt(m)
          + 5 * m - 2 * Math.sqrt(4 * m * m + 2 * Math.pow(m, 1.5) * reach);
      case STANDARD -> Math.ceil(Math.sqrt(m) * reach + m);
      case ANSCOMBE -> powerBound(2.0 / 3 * Math.pow(m, 1.0 / 6) * reach + Math.pow(m, 2.0 / 3));
      case ANSCOMBE_2ND -> powerBound(2.0 / 3 * Math.pow(m, 1.0 / 6) * reach
          + (Math.pow(m, 2.0 / 3) - Math.pow(m, 1.0 / 3) / 9));
      case PEARSON_NEG_BIN -> Math.sqrt(m + control.alpha() * m * m) * reach + m;
      case NONE -> h - cusum;
    };
  }

  private static double powerBound(double base) {
    return base < 0 ? 0 : Math.pow(base, 1.5);
  }
}
