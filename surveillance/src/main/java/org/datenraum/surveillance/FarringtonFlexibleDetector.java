package org.datenraum.surveillance;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Result;
import org.datenraum.surveillance.FarringtonModel.Variant;
import org.datenraum.surveillance.internal.Normal;

/** farringtonFlexible of R's {@code surveillance} 1.20.3. Immutable and thread-safe. */
final class FarringtonFlexibleDetector implements Detector {

  static final String METHOD = "farrington-flexible";

  private final FarringtonFlexibleControl control;

  FarringtonFlexibleDetector(FarringtonFlexibleControl control) {
    this.control = control;
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public Result<Detection> detect(CountSeries series) {
    ReferenceWindows windows = control.windows();
    int defaultFrom = series.frequency() * windows.b() + windows.w() + 1;
    Result<EpochRange> range = control.range()
        .map(r -> RangeCheck.within(r, series, METHOD))
        .orElseGet(() -> RangeCheck.fromDefault(defaultFrom, series, METHOD,
            "decrease `b` or give a longer series"));
    return RangeCheck.datesSupported(series)
        .flatMap(s -> range)
        .flatMap(r -> run(series, r));
  }

  private Result<Detection> run(CountSeries series, EpochRange range) {
    EpochCalendar calendar = new EpochCalendar(series);
    FlexibleBaseline.Columns columns = FlexibleBaseline.Columns.of(series);
    double[] observed = columns.observed();
    double z = Normal.quantile(1 - control.threshold().alpha());
    List<WeekResult> weeks = new ArrayList<>(range.size());
    for (int k = range.from(); k <= range.to(); k++) {
      Result<BaselineData> data = FlexibleBaseline.of(columns, calendar, k, control.windows(),
          control.glm().populationOffset());
      if (!data.isOk()) {
        return Result.fail(data.problem());
      }
      weeks.add(evaluate(data.value(), observed, k, z));
    }
    return Result.ok(new Detection(series.name(), METHOD, weeks));
  }

  private WeekResult evaluate(BaselineData data, double[] observed, int k, double z) {
    double y = observed[k - 1];
    FarringtonModel.Prediction prediction =
        FarringtonModel.predict(data, control.glm(), control.windows().b(), Variant.FLEXIBLE);
    if (prediction == null) {
      return new WeekResult(k, y, Double.NaN, Double.NaN, Alarm.UNDETERMINED);
    }
    Threshold threshold = control.threshold();
    FarringtonThresholds.Bound bound = threshold.method() == ThresholdMethod.DELTA
        ? FarringtonThresholds.delta(prediction, threshold.powertrans(), z, y)
        : FarringtonThresholds.noufaily(prediction, threshold.method(), threshold.alpha(), y);
    if (!enoughCases(observed, k, control.limit54())) {
      return new WeekResult(k, y, Double.NaN, Double.NaN, Alarm.NONE);
    }
    boolean alarm = !Double.isNaN(bound.score()) && bound.score() > 1 && y != 0;
    double expected = Double.isNaN(bound.upper()) ? Double.NaN : bound.expected();
    return new WeekResult(k, y, expected, bound.upper(), Alarm.of(alarm));
  }

  /** At least {@code cases} counts in epochs k − weeks + 1 .. k; false when one is missing. */
  static boolean enoughCases(double[] observed, int k, LowCountRule rule) {
    return recentCases(observed, k, rule) >= rule.cases();
  }

  /** The counts in epochs k − weeks + 1 .. k; NaN when one is missing. */
  static double recentCases(double[] observed, int k, LowCountRule rule) {
    double sum = 0;
    for (int i = Math.max(1, k - rule.weeks() + 1); i <= k; i++) {
      sum += observed[i - 1];
    }
    return sum;
  }
}
