package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The evaluation of all series of one site. Immutable.
 *
 * @param site site name
 * @param method method name
 * @param parameters the controls every series ran with (derived ones included)
 * @param aggregation daily or weekly epochs
 * @param series every evaluated series
 * @param signals the alarms of the monitored epochs, ordered by epoch, then series
 */
public record SignalEvaluation(String site, String method, Map<String, String> parameters,
    Aggregation aggregation, List<SeriesEvaluation> series, List<Signal> signals) {

  public SignalEvaluation {
    requireNonNull(site, "site");
    requireNonNull(method, "method");
    requireNonNull(aggregation, "aggregation");
    parameters = Map.copyOf(parameters);
    series = List.copyOf(series);
    signals = List.copyOf(signals);
  }

  /** The evaluation of one series, or null. */
  public SeriesEvaluation series(Indicator indicator, AgeGroup group) {
    return series.stream().filter(s -> s.indicator().equals(indicator) && s.ageGroup() == group)
        .findFirst().orElse(null);
  }
}
