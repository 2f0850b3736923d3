package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The controls of the original Farrington (1996) method, {@code algo.farrington}: b, w, reweight,
 * trend, alpha (two-sided), powertrans and limit54. Defaults: b=5, w=3, reweight=TRUE, trend=TRUE,
 * alpha=0.05, powertrans="2/3", limit54=c(5,4), range = (freq·b − w):n. Immutable.
 */
public record FarringtonControl(Optional<EpochRange> range, int b, int w, boolean reweight,
    boolean trend, Threshold threshold, LowCountRule limit54) {

  public FarringtonControl {
    requireNonNull(range, "range");
    requireNonNull(threshold, "threshold");
    requireNonNull(limit54, "limit54");
    ReferenceWindows.of(b, w);
    if (threshold.method() != ThresholdMethod.DELTA) {
      throw new IllegalArgumentException("the original Farrington method has only the delta threshold");
    }
  }

  public static FarringtonControl defaults() {
    return new FarringtonControl(Optional.empty(), 5, 3, true, true,
        new Threshold(ThresholdMethod.DELTA, 0.05, PowerTransform.TWO_THIRDS),
        new LowCountRule(5, 4));
  }
}
