package org.datenraum.surveillance.syndromic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.Alarm;
import org.datenraum.surveillance.CountSeries;
import org.datenraum.surveillance.Detection;
import org.datenraum.surveillance.Detector;
import org.datenraum.surveillance.Detectors;
import org.datenraum.surveillance.WeekResult;

/**
 * Runs every series of a site (each indicator × the five age bands and all ages) through the
 * configured method and collects the alarms as signals with their evidence. Series are passed to
 * the detectors as plain epoch indices (R's {@code sts} without {@code epochAsDate}), so the same
 * epoch of earlier years lies a whole number of periods back. Immutable and thread-safe.
 */
public final class SignalEvaluator {

  private static final int MAX_YEARS = 5;

  private SignalEvaluator() {}

  /** Evaluates every series of {@code counts}; fails when the method or a control is invalid. */
  public static Result<SignalEvaluation> evaluate(SiteCounts counts, SignalConfig config) {
    int length = EpochSeries.of(counts, counts.indicators().get(0), AgeGroup.ALL,
        config.aggregation()).length();
    Map<String, String> parameters = parameters(config, length);
    Result<Detector> detector = Detectors.fromSettings(config.method(), parameters);
    if (!detector.isOk()) {
      return Result.fail(detector.problem());
    }
    List<SeriesEvaluation> series = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    for (Indicator indicator : counts.indicators()) {
      for (AgeGroup group : AgeGroup.values()) {
        EpochSeries epochs = EpochSeries.of(counts, indicator, group, config.aggregation());
        String name = counts.site() + "/" + indicator.id() + "/" + group.label();
        SeriesEvaluation evaluation = run(detector.value(), name, indicator, group, epochs,
            config, parameters);
        series.add(evaluation);
        signals.addAll(signals(evaluation, config, parameters));
      }
    }
    signals.sort(Comparator.comparing(Signal::epoch).thenComparing(Signal::series));
    return Result.ok(new SignalEvaluation(counts.site(), config.method(), parameters,
        config.aggregation(), series, signals));
  }

  /** The controls with {@code b} filled in for the Farrington methods when it was not given. */
  static Map<String, String> parameters(SignalConfig config, int length) {
    Map<String, String> p = new HashMap<>(config.controls());
    boolean farrington = config.method().startsWith("farrington");
    if (farrington && !p.containsKey("b")) {
      int w = p.containsKey("w") ? parseOr(p.get("w"), 3) : 3;
      int years = (length - w - 1) / config.aggregation().frequency();
      p.put("b", Integer.toString(Math.max(1, Math.min(MAX_YEARS, years))));
    }
    return p;
  }

  private static int parseOr(String text, int fallback) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static SeriesEvaluation run(Detector detector, String name, Indicator indicator,
      AgeGroup group, EpochSeries epochs, SignalConfig config, Map<String, String> parameters) {
    CountSeries series = new CountSeries(name, config.aggregation().frequency(),
        epochs.observed(), population(epochs), List.of());
    Result<Detection> detection = epochs.length() == 0
        ? Result.fail(Problem.invalid("DR-6310", "the period holds no complete epoch"))
        : detector.detect(series);
    Map<Integer, WeekResult> monitored = new HashMap<>();
    if (detection.isOk()) {
      detection.value().weeks().forEach(w -> monitored.put(w.epoch(), w));
    }
    List<EpochEvidence> out = new ArrayList<>();
    for (int i = 0; i < epochs.length(); i++) {
      WeekResult w = monitored.get(i + 1);
      out.add(w == null
          ? new EpochEvidence(epochs.starts().get(i), epochs.observed()[i],
              epochs.denominators()[i], Double.NaN, Double.NaN, Alarm.NONE, false)
          : new EpochEvidence(epochs.starts().get(i), epochs.observed()[i],
              epochs.denominators()[i], w.expected(), w.upperBound(), w.alarm(), true));
    }
    Optional<String> skipped = detection.isOk() ? Optional.empty()
        : Optional.of(detection.problem().text());
    return new SeriesEvaluation(name, indicator, group, config.aggregation(), out, skipped);
  }

  private static double[] population(EpochSeries epochs) {
    double[] p = epochs.denominators().clone();
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.max(1, p[i]);
    }
    return p;
  }

  private static List<Signal> signals(SeriesEvaluation evaluation, SignalConfig config,
      Map<String, String> parameters) {
    List<Signal> out = new ArrayList<>();
    List<EpochEvidence> epochs = evaluation.epochs();
    for (int i = 0; i < epochs.size(); i++) {
      EpochEvidence e = epochs.get(i);
      boolean counted = config.monitorFrom().map(from -> !e.start().isBefore(from)).orElse(true);
      if (e.alarm() == Alarm.RAISED && counted) {
        out.add(new Signal(evaluation.series(), evaluation.indicator(), evaluation.ageGroup(),
            evaluation.aggregation(), e.start(), i + 1, e.observed(), e.expected(),
            e.upperBound(), config.method(), parameters));
      }
    }
    return out;
  }
}
