package org.datenraum.surveillance.internal;

/** The standard normal distribution: CDF from the incomplete gamma function, quantile by Halley steps. */
public final class Normal {

  private static final double SQRT_TWO = Math.sqrt(2);
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private Normal() {}

  /** Φ(x), lower tail. */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return x < 0 ? 0.5 * erfc(-x / SQRT_TWO) : 1 - 0.5 * erfc(x / SQRT_TWO);
  }

  /** 1 − Φ(x), computed without cancellation. */
  public static double upperTail(double x) {
    return cdf(-x);
  }

  /** erfc(x) for x ≥ 0, as Q(1/2, x²). */
  static double erfc(double x) {
    return SpecialFunctions.upperGammaRegularized(0.5, x * x);
  }

  private static double density(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_TWO_PI;
  }

  /** The p-quantile of the standard normal distribution. */
  public static double quantile(double p) {
    if (Double.isNaN(p) || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > 0.5) {
      return -lowerQuantile(1 - p, p);
    }
    return lowerQuantile(p, 1 - p);
  }

  /** Quantile for p ≤ 1/2 (returned value ≤ 0); {@code q} = 1 − p as given by the caller. */
  private static double lowerQuantile(double p, double q) {
    if (p == 0.5 && q == 0.5) {
      return 0;
    }
    // Abramowitz & Stegun 26.2.23 as the start, then Halley's method on Φ(x) − p.
    double t = Math.sqrt(-2 * Math.log(p));
    double x =
        -(t
            - (2.515517 + t * (0.802853 + t * 0.010328))
                / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
    for (int i = 0; i < 50; i++) {
      double f = cdf(x) - p;
      double dens = density(x);
      if (dens == 0) {
        break;
      }
      double u = f / dens;
      double step = u / (1 + 0.5 * x * u);
      x -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
        break;
      }
    }
    return x;
  }

  /** The p-quantile of N(mean, sd²). */
  public static double quantile(double p, double mean, double sd) {
    return mean + sd * quantile(p);
  }
}
