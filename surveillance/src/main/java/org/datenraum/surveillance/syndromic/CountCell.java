package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The count of one day, indicator and age group at one site. Immutable.
 *
 * @param day calendar day
 * @param indicator syndrome or pathogen
 * @param ageGroup age band or {@link AgeGroup#ALL}
 * @param count syndrome cases among ED visits, or patients with a new finding of the pathogen
 * @param denominator all ED visits (syndromes) or patients tested for the pathogen (pathogens)
 */
public record CountCell(LocalDate day, Indicator indicator, AgeGroup ageGroup, int count,
    int denominator) {

  public CountCell {
    requireNonNull(day, "day");
    requireNonNull(indicator, "indicator");
    requireNonNull(ageGroup, "ageGroup");
    if (count < 0 || denominator < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** count / denominator, NaN when the denominator is 0. */
  public double share() {
    return denominator == 0 ? Double.NaN : (double) count / denominator;
  }
}
