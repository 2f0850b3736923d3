package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

/**
 * The evidence for one monitored epoch. NaN stands for R's {@code NA}. Immutable.
 *
 * @param epoch 1-based epoch index
 * @param observed the observed count
 * @param expected the model's expected count (NaN when the method has none)
 * @param upperBound the upper threshold
 * @param alarm whether the epoch signals
 */
public record WeekResult(int epoch, double observed, double expected, double upperBound,
    Alarm alarm) {

  public WeekResult {
    requireNonNull(alarm, "alarm");
  }
}
