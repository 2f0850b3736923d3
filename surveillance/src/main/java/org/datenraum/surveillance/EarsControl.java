package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The controls of {@code earsC}: method, baseline length (≥ 3), minimum standard deviation and
 * α. Default range: from the first epoch with a full baseline to the end. Immutable.
 */
public record EarsControl(Optional<EpochRange> range, EarsMethod method, int baseline,
    double minSigma, double alpha) {

  public EarsControl {
    requireNonNull(range, "range");
    requireNonNull(method, "method");
    if (baseline < 3) {
      throw new IllegalArgumentException("baseline must be at least 3: " + baseline);
    }
    if (!(minSigma >= 0)) {
      throw new IllegalArgumentException("minSigma must not be negative: " + minSigma);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
    }
  }

  public static EarsControl defaults(EarsMethod method) {
    return new EarsControl(Optional.empty(), method, 7, 0, method.defaultAlpha());
  }
}
