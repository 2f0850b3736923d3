package org.datenraum.surveillance.internal;

/**
 * Log-gamma and the regularized incomplete gamma and beta functions, accurate to about 1e-14
 * relative in the ranges the detectors use. Stateless.
 */
public final class SpecialFunctions {

  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 100_000;
  private static final double HALF_LOG_TWO_PI = 0.9189385332046727417803297;

  private SpecialFunctions() {}

  /** log Γ(x) for x > 0: Stirling's series above 15, the recurrence Γ(x+1) = xΓ(x) below. */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    double shift = 0;
    double z = x;
    double product = 1;
    while (z < 15) {
      product *= z;
      z += 1;
      if (product > 1e280) {
        shift += Math.log(product);
        product = 1;
      }
    }
    shift += Math.log(product);
    double inv = 1 / z;
    double inv2 = inv * inv;
    double series =
        inv
            * (1.0 / 12
                + inv2
                    * (-1.0 / 360
                        + inv2
                            * (1.0 / 1260
                                + inv2 * (-1.0 / 1680 + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360))))));
    return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + series - shift;
  }

  /** Upper regularized incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
  public static double upperGammaRegularized(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    if (x < a + 1) {
      return 1 - lowerGammaSeries(a, x);
    }
    return upperGammaFraction(a, x);
  }

  /** Lower regularized incomplete gamma P(a, x). */
  public static double lowerGammaRegularized(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x < a + 1) {
      return lowerGammaSeries(a, x);
    }
    return 1 - upperGammaFraction(a, x);
  }

  private static double lowerGammaSeries(double a, double x) {
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  private static double upperGammaFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < TINY ? TINY : d;
      c = b + an / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /** Regularized incomplete beta I_x(a, b). */
  public static double betaRegularized(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < TINY ? TINY : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + aa / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + aa / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        break;
      }
    }
    return h;
  }
}
