package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

/**
 * How the upper bound is computed from the fitted model: method, significance level and, for the
 * delta method, the power transformation. Immutable.
 */
public record Threshold(ThresholdMethod method, double alpha, PowerTransform powertrans) {

  public Threshold {
    requireNonNull(method, "method");
    requireNonNull(powertrans, "powertrans");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
    }
  }
}
