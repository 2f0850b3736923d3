package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;

/**
 * An alarm with its evidence: which series and epoch, what was observed against what was expected
 * and the threshold, and the method with the parameters it ran with. Immutable.
 *
 * @param series series name, {@code site/indicator/age group}
 * @param indicator syndrome or pathogen
 * @param ageGroup age band or all ages
 * @param aggregation daily or weekly epochs
 * @param epoch first day of the signalling epoch
 * @param epochIndex 1-based index of the epoch in the evaluated series
 * @param observed the observed count
 * @param expected the expected count (NaN when the method has none)
 * @param upperBound the threshold the count exceeded
 * @param method method name
 * @param parameters the controls the method ran with, including derived ones such as {@code b}
 */
public record Signal(String series, Indicator indicator, AgeGroup ageGroup,
    Aggregation aggregation, LocalDate epoch, int epochIndex, double observed, double expected,
    double upperBound, String method, Map<String, String> parameters) {

  public Signal {
    requireNonNull(series, "series");
    requireNonNull(indicator, "indicator");
    requireNonNull(ageGroup, "ageGroup");
    requireNonNull(aggregation, "aggregation");
    requireNonNull(epoch, "epoch");
    requireNonNull(method, "method");
    parameters = Map.copyOf(parameters);
  }

  /** The epoch as shown to people: {@code 2025-W41} for weeks, the date for days. */
  public String epochLabel() {
    return EpochLabels.label(epoch, aggregation);
  }
}
