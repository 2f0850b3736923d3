package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The evaluation of one series (site, indicator, age group): every epoch with its evidence, or the
 * reason why the method could not run. Immutable.
 *
 * @param series series name, {@code site/indicator/age group}
 * @param indicator syndrome or pathogen
 * @param ageGroup age band or all ages
 * @param aggregation daily or weekly epochs
 * @param epochs all epochs of the series in order
 * @param skipped why the method did not run, empty when it did
 */
public record SeriesEvaluation(String series, Indicator indicator, AgeGroup ageGroup,
    Aggregation aggregation, List<EpochEvidence> epochs, Optional<String> skipped) {

  public SeriesEvaluation {
    requireNonNull(series, "series");
    requireNonNull(indicator, "indicator");
    requireNonNull(ageGroup, "ageGroup");
    requireNonNull(aggregation, "aggregation");
    requireNonNull(skipped, "skipped");
    epochs = List.copyOf(epochs);
  }
}
