package org.datenraum.surveillance.internal;

/**
 * Quantiles and tail probabilities of the Poisson and the negative binomial distribution (real
 * {@code size}). A quantile is the smallest count x with P(Y ≤ x) ≥ p·(1 − 64ε), the left-continuity
 * fuzz that R's {@code qpois}/{@code qnbinom} apply.
 *
 * <p>The search starts at the quantile of the gamma distribution with the same mean and variance
 * (continuity corrected), which lies within a few counts of the answer, evaluates P(Y ≤ x) there
 * by summing the probabilities downwards until they no longer change the sum, and steps to the
 * smallest x that reaches p; the work grows with the standard deviation, not with the count. Where
 * the standard deviation exceeds {@value #SUMMED_SD} the distribution is resolved far below one
 * part in a million of its quantile, and the gamma quantile itself is returned (its error is a few
 * counts). Stateless.
 */
public final class DiscreteQuantiles {

  private static final double FUZZ = 1 - 64 * Math.ulp(1.0);
  private static final double SUMMED_SD = 1e6;
  private static final double NEGLIGIBLE = 1e-17;

  private DiscreteQuantiles() {}

  /** Quantile of Poisson(lambda). */
  public static double poissonQuantile(double p, double lambda) {
    if (Double.isNaN(p) || Double.isNaN(lambda) || lambda < 0 || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (lambda == 0 || p == 0) {
      return 0;
    }
    if (p + 1.01 * Math.ulp(1.0) >= 1 || lambda == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return quantile(new CountDistribution.Poisson(lambda), p * FUZZ);
  }

  /** Quantile of the negative binomial with the given size and success probability. */
  public static double negBinomialQuantile(double p, double size, double prob) {
    if (Double.isNaN(p) || Double.isNaN(size) || Double.isNaN(prob)
        || prob <= 0 || prob > 1 || size < 0 || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (prob == 1 || size == 0 || p == 0) {
      return 0;
    }
    if (p + 1.01 * Math.ulp(1.0) >= 1 || size == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return quantile(new CountDistribution.NegBinomial(size, prob), p * FUZZ);
  }

  /** P(Y ≥ y) for Y ~ Poisson(lambda). */
  public static double poissonUpperTail(double y, double lambda) {
    return upperTail(new CountDistribution.Poisson(lambda), y);
  }

  /** P(Y ≥ y) for the negative binomial. */
  public static double negBinomialUpperTail(double y, double size, double prob) {
    return upperTail(new CountDistribution.NegBinomial(size, prob), y);
  }

  private static double quantile(CountDistribution d, double target) {
    if (d.logPmf(0) >= Math.log(target)) {
      return 0;
    }
    double start = Math.max(0, MatchedGamma.of(d).quantile(target));
    if (Math.sqrt(d.variance()) > SUMMED_SD) {
      return Math.ceil(start);
    }
    double x = Math.floor(start);
    double pmf = Math.exp(d.logPmf(x));
    double cdf = lowerSum(d, x, pmf);
    while (cdf >= target && x > 0 && cdf - pmf >= target) {
      cdf -= pmf;
      pmf *= d.down(x);
      x--;
    }
    while (cdf < target && pmf > 0) {
      pmf *= d.up(x);
      x++;
      cdf += pmf;
    }
    return cdf < target ? Double.POSITIVE_INFINITY : x;
  }

  /** P(Y ≤ x), summed from x downwards; {@code pmf} is P(Y = x). */
  private static double lowerSum(CountDistribution d, double x, double pmf) {
    double sum = 0;
    double term = pmf;
    double mean = d.mean();
    for (double k = x; ; k--) {
      sum += term;
      if (k == 0 || (k < mean && term <= sum * NEGLIGIBLE)) {
        return sum;
      }
      term *= d.down(k);
    }
  }

  /** P(Y ≥ y), summed from y upwards; {@code pmf} is P(Y = y). */
  private static double upperSum(CountDistribution d, double y, double pmf) {
    double sum = 0;
    double term = pmf;
    double mean = d.mean();
    for (double k = y; ; k++) {
      sum += term;
      if (term == 0 || (k > mean && term <= sum * NEGLIGIBLE)) {
        return sum;
      }
      term *= d.up(k);
    }
  }

  private static double upperTail(CountDistribution d, double y) {
    if (Double.isNaN(y)) {
      return Double.NaN;
    }
    if (y <= 0) {
      return 1;
    }
    if (Math.sqrt(d.variance()) > SUMMED_SD) {
      return MatchedGamma.of(d).upperTail(y - 0.5);
    }
    double below = lowerSum(d, y - 1, Math.exp(d.logPmf(y - 1)));
    if (below < 0.5) {
      return 1 - below;
    }
    return upperSum(d, y, Math.exp(d.logPmf(y)));
  }
}
