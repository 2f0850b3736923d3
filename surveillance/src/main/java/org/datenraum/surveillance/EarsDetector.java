package org.datenraum.surveillance;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.internal.Normal;

/**
 * EARS C1, C2 and C3 as {@code earsC} computes them. For C3 the package's code (followed here)
 * takes U = y_t + s_t·(z − Σ_{i=1,2} max(0, C2_{t−i} − 1)), so a C3 alarm fires when the two
 * lagged C2 excesses sum to more than z. Immutable and thread-safe.
 */
final class EarsDetector implements Detector {

  private final EarsControl control;

  EarsDetector(EarsControl control) {
    this.control = control;
  }

  @Override
  public String method() {
    return "ears-" + control.method().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Result<Detection> detect(CountSeries series) {
    int maxLag = control.baseline() + control.method().extraLag();
    Result<EpochRange> range = control.range()
        .map(r -> RangeCheck.within(r, series, method()))
        .orElseGet(() -> RangeCheck.fromDefault(maxLag + 1, series, method(),
            "give a longer series or a shorter `baseline`"));
    return range.flatMap(r -> r.from() - maxLag < 1
        ? Result.fail(Problem.invalid("DR-6106", "The range of " + method() + " starts at epoch "
            + r.from() + ", but it needs " + maxLag + " earlier epochs: start the range at "
            + (maxLag + 1) + " or later."))
        : Result.ok(run(series, r)));
  }

  private Detection run(CountSeries series, EpochRange range) {
    double[] y = series.observed();
    double z = Normal.quantile(1 - control.alpha());
    List<WeekResult> weeks = new ArrayList<>(range.size());
    for (int t = range.from(); t <= range.to(); t++) {
      double upper;
      double expected;
      if (control.method() == EarsMethod.C3) {
        double sd = sigma(y, t, 2);
        double excess = Math.max(0, c2(y, t - 2) - 1) + Math.max(0, c2(y, t - 1) - 1);
        upper = Math.max(0, y[t - 1] + sd * (z - excess));
        expected = mean(y, t, 2);
      } else {
        int lag = control.method().extraLag();
        expected = mean(y, t, lag);
        upper = expected + z * sigma(y, t, lag);
      }
      double obs = y[t - 1];
      Alarm alarm = Double.isNaN(upper) || Double.isNaN(obs) ? Alarm.UNDETERMINED
          : Alarm.of(obs > upper);
      weeks.add(new WeekResult(t, obs, expected, upper, alarm));
    }
    return new Detection(series.name(), method(), weeks);
  }

  private double c2(double[] y, int t) {
    return (y[t - 1] - mean(y, t, 2)) / sigma(y, t, 2);
  }

  /** Mean of the {@code baseline} epochs ending {@code lag} epochs before t − 1. */
  private double mean(double[] y, int t, int lag) {
    double sum = 0;
    int n = control.baseline();
    for (int i = t - lag - n; i < t - lag; i++) {
      sum += y[i - 1];
    }
    return sum / n;
  }

  private double sigma(double[] y, int t, int lag) {
    int n = control.baseline();
    double m = mean(y, t, lag);
    double ss = 0;
    for (int i = t - lag - n; i < t - lag; i++) {
      double d = y[i - 1] - m;
      ss += d * d;
    }
    return Math.max(Math.sqrt(ss / (n - 1)), control.minSigma());
  }
}
