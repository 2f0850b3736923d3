package org.datenraum.surveillance;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Result;
import org.datenraum.surveillance.FarringtonModel.Variant;
import org.datenraum.surveillance.internal.Normal;

/**
 * The original Farrington et al. (1996) method as {@code algo.farrington} (with
 * {@code algo.farrington.fitGLM.fast}) implements it: two-sided α, weights threshold 1, trend
 * p-value threshold 0.05, and an upper bound of 0 (not NA) when the low-count rule applies.
 * Immutable and thread-safe.
 */
final class Farrington1996Detector implements Detector {

  static final String METHOD = "farrington";
  private static final double WEIGHTS_THRESHOLD = 1;

  private final FarringtonControl control;

  Farrington1996Detector(FarringtonControl control) {
    this.control = control;
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public Result<Detection> detect(CountSeries series) {
    int defaultFrom = series.frequency() * control.b() - control.w();
    Result<EpochRange> range = control.range()
        .map(r -> RangeCheck.within(r, series, METHOD))
        .orElseGet(() -> RangeCheck.fromDefault(defaultFrom, series, METHOD,
            "decrease `b` or give a longer series"));
    return RangeCheck.datesSupported(series)
        .flatMap(s -> range)
        .map(r -> run(series, r));
  }

  private Detection run(CountSeries series, EpochRange range) {
    EpochCalendar calendar = new EpochCalendar(series);
    double[] observed = series.observed();
    GlmOptions options = new GlmOptions(control.trend(), 0.05, false, control.reweight(),
        WEIGHTS_THRESHOLD);
    double z = Normal.quantile(1 - control.threshold().alpha() / 2);
    List<WeekResult> weeks = new ArrayList<>(range.size());
    for (int k = range.from(); k <= range.to(); k++) {
      int[] epochs = calendar.originalReferenceEpochs(k, control.b(), control.w());
      weeks.add(evaluate(baseline(observed, epochs, k), observed, k, options, z));
    }
    return new Detection(series.name(), METHOD, weeks);
  }

  private static BaselineData baseline(double[] observed, int[] epochs, int k) {
    int rows = 0;
    for (int epoch : epochs) {
      rows += Double.isNaN(observed[epoch - 1]) ? 0 : 1;
    }
    double[] response = new double[rows];
    double[] wtime = new double[rows];
    int r = 0;
    for (int epoch : epochs) {
      if (!Double.isNaN(observed[epoch - 1])) {
        response[r] = observed[epoch - 1];
        wtime[r++] = epoch;
      }
    }
    return BaselineData.plain(response, wtime, k);
  }

  private WeekResult evaluate(BaselineData data, double[] observed, int k, GlmOptions options,
      double z) {
    double y = observed[k - 1];
    FarringtonModel.Prediction prediction =
        FarringtonModel.predict(data, options, control.b(), Variant.ORIGINAL);
    if (prediction == null) {
      return new WeekResult(k, y, Double.NaN, Double.NaN, Alarm.UNDETERMINED);
    }
    FarringtonThresholds.Bound bound =
        FarringtonThresholds.delta(prediction, control.threshold().powertrans(), z, y);
    double recent = FarringtonFlexibleDetector.recentCases(observed, k, control.limit54());
    if (Double.isNaN(recent)) {
      return new WeekResult(k, y, bound.expected(), Double.NaN, Alarm.UNDETERMINED);
    }
    if (recent < control.limit54().cases()) {
      return new WeekResult(k, y, bound.expected(), 0, Alarm.NONE);
    }
    double score = bound.score();
    Alarm alarm = Double.isNaN(score) ? Alarm.UNDETERMINED : Alarm.of(score > 1);
    return new WeekResult(k, y, bound.expected(), bound.upper(), alarm);
  }
}
