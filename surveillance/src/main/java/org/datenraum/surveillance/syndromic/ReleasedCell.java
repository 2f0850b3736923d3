package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * One cell of the counts that leave a site: empty where the minimum cell size rule suppressed
 * the value. Immutable.
 *
 * @param day calendar day
 * @param indicator syndrome or pathogen
 * @param ageGroup age band or {@link AgeGroup#ALL}
 * @param count the count, empty when suppressed
 * @param denominator the denominator, empty when suppressed
 */
public record ReleasedCell(LocalDate day, Indicator indicator, AgeGroup ageGroup,
    OptionalInt count, OptionalInt denominator) {

  public ReleasedCell {
    requireNonNull(day, "day");
    requireNonNull(indicator, "indicator");
    requireNonNull(ageGroup, "ageGroup");
    requireNonNull(count, "count");
    requireNonNull(denominator, "denominator");
  }
}
