package org.datenraum.surveillance.internal;

/** The Student t distribution, as far as the Wald tests of a GLM need it. */
public final class StudentT {

  private StudentT() {}

  /** P(T ≤ t) for T with {@code df} degrees of freedom. */
  public static double cdf(double t, double df) {
    if (Double.isNaN(t) || !(df > 0)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    double x = df / (df + t * t);
    double tail = 0.5 * SpecialFunctions.betaRegularized(x, df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
  }

  /** Two-sided p-value 2·P(T ≤ −|t|). */
  public static double twoSidedPValue(double t, double df) {
    return 2 * cdf(-Math.abs(t), df);
  }
}
