package org.datenraum.surveillance.internal;

/**
 * The two terms of Loader's saddle-point expansion of discrete probabilities ("Fast and accurate
 * computation of binomial probabilities", 2000): the error of Stirling's formula and the deviance
 * term, each computed without the cancellation that log-gamma differences suffer for large
 * arguments. Stateless.
 */
final class SaddlePoint {

  private static final double HALF_LOG_TWO_PI = 0.9189385332046727417803297;

  private SaddlePoint() {}

  /** log Γ(z + 1) − ((z + 1/2) log z − z + log √(2π)), for z > 0. */
  static double stirlingError(double z) {
    if (z <= 15) {
      return SpecialFunctions.logGamma(z + 1) - (z + 0.5) * Math.log(z) + z - HALF_LOG_TWO_PI;
    }
    double inv2 = 1 / (z * z);
    return (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680
        - inv2 / 1188)))) / z;
  }

  /** x log(x / m) + m − x, by its series in (x − m)/(x + m) when x is close to m. */
  static double deviance(double x, double m) {
    if (x == 0) {
      return m;
    }
    double diff = x - m;
    if (Math.abs(diff) >= 0.1 * (x + m)) {
      return x * Math.log(x / m) + m - x;
    }
    double v = diff / (x + m);
    double sum = diff * v;
    double term = 2 * x * v;
    double v2 = v * v;
    for (int j = 1; j < 1000; j++) {
      term *= v2;
      double next = sum + term / (2 * j + 1);
      if (next == sum) {
        return next;
      }
      sum = next;
    }
    return sum;
  }
}
