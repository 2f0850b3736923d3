package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The controls of {@code algo.cusum}: reference value k, decision interval h, expected count m
 * (default: the mean of all epochs before the range), transformation and the negative binomial α
 * of {@code pearsonNegBin}. Default range (the package has none): from epoch freq + 1 to the end,
 * so that m is estimated from at least one year. Immutable.
 */
public record CusumControl(Optional<EpochRange> range, double k, double h, OptionalDouble m,
    CusumTransform trans, double alpha) {

  public CusumControl {
    requireNonNull(range, "range");
    requireNonNull(m, "m");
    requireNonNull(trans, "trans");
    if (!Double.isFinite(k) || !Double.isFinite(h)) {
      throw new IllegalArgumentException("k and h must be finite numbers");
    }
    if (m.isPresent() && !(m.getAsDouble() > 0)) {
      throw new IllegalArgumentException("m must be positive: " + m.getAsDouble());
    }
  }

  public static CusumControl defaults() {
    return new CusumControl(Optional.empty(), 1.04, 2.26, OptionalDouble.empty(),
        CusumTransform.STANDARD, 0.1);
  }
}
