package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The controls of {@code farringtonFlexible}. The defaults are the package's: b=5, w=3,
 * reweight=TRUE, weightsThreshold=2.58, alpha=0.05, trend=TRUE, pThresholdTrend=0.05,
 * limit54=c(5,4), powertrans="2/3", noPeriods=1, pastWeeksNotIncluded=w, thresholdMethod="delta",
 * populationOffset=FALSE, range = (freq·b + w + 1):n. Immutable.
 */
public record FarringtonFlexibleControl(Optional<EpochRange> range, ReferenceWindows windows,
    GlmOptions glm, Threshold threshold, LowCountRule limit54) {

  public FarringtonFlexibleControl {
    requireNonNull(range, "range");
    requireNonNull(windows, "windows");
    requireNonNull(glm, "glm");
    requireNonNull(threshold, "threshold");
    requireNonNull(limit54, "limit54");
  }

  public static FarringtonFlexibleControl defaults() {
    return new FarringtonFlexibleControl(Optional.empty(), ReferenceWindows.of(5, 3),
        new GlmOptions(true, 0.05, false, true, 2.58),
        new Threshold(ThresholdMethod.DELTA, 0.05, PowerTransform.TWO_THIRDS),
        new LowCountRule(5, 4));
  }
}
