package org.datenraum.surveillance.internal;

/**
 * The gamma distribution with the mean and variance of a count distribution, shifted by half a
 * count (continuity correction): its quantiles lie within a few counts of the count
 * distribution's. Immutable.
 */
record MatchedGamma(double shape, double scale) {

  /** Above this shape the Wilson–Hilferty cube-root normal approximation is exact to 1e-9. */
  private static final double CUBE_ROOT_SHAPE = 1e6;

  static MatchedGamma of(CountDistribution d) {
    double mean = d.mean();
    double variance = d.variance();
    return new MatchedGamma(mean * mean / variance, variance / mean);
  }

  /** The continuity-corrected p-quantile on the count scale. */
  double quantile(double p) {
    return scale * standardQuantile(p) - 0.5;
  }

  /** P(Y ≥ x) of the unshifted gamma distribution. */
  double upperTail(double x) {
    if (shape > CUBE_ROOT_SHAPE) {
      return Normal.upperTail(cubeRootScore(x / scale));
    }
    return SpecialFunctions.upperGammaRegularized(shape, x / scale);
  }

  private double cubeRootScore(double x) {
    double c = 1 / (9 * shape);
    return (Math.cbrt(x / shape) - (1 - c)) / Math.sqrt(c);
  }

  /** The p-quantile of Gamma(shape, 1): Wilson–Hilferty for large shapes, else bisection. */
  private double standardQuantile(double p) {
    if (shape > CUBE_ROOT_SHAPE) {
      double c = 1 / (9 * shape);
      double root = 1 - c + Normal.quantile(p) * Math.sqrt(c);
      return shape * root * root * root;
    }
    double low = 0;
    double high = Math.max(shape, 1);
    while (SpecialFunctions.lowerGammaRegularized(shape, high) < p) {
      low = high;
      high *= 2;
    }
    for (int i = 0; i < 2000 && high - low > 1e-15 * high; i++) {
      double middle = 0.5 * (low + high);
      if (SpecialFunctions.lowerGammaRegularized(shape, middle) < p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return high;
  }
}
