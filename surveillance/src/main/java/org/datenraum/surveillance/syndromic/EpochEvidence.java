package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.datenraum.surveillance.Alarm;

/**
 * One epoch of an evaluated series. Epochs outside the method's range are not monitored and carry
 * NaN as expected value and upper bound. Immutable.
 *
 * @param start first day of the epoch (the Monday of an ISO week, or the day)
 * @param observed the count
 * @param denominator ED visits or patients tested in the epoch
 * @param expected the method's expected count, NaN when it has none
 * @param upperBound the threshold, NaN when undetermined
 * @param alarm the method's alarm; {@code NONE} for epochs that are not monitored
 * @param monitored whether the method evaluated this epoch
 */
public record EpochEvidence(LocalDate start, double observed, double denominator,
    double expected, double upperBound, Alarm alarm, boolean monitored) {

  public EpochEvidence {
    requireNonNull(start, "start");
    requireNonNull(alarm, "alarm");
  }
}
