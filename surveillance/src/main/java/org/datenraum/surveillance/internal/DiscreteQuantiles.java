package org.datenraum.surveillance.internal;

/**
 * Quantiles and tail probabilities of the Poisson and the negative binomial distribution (real
 * {@code size}). A quantile is the smallest count x with P(Y ≤ x) ≥ p·(1 − 64ε), the left-continuity
 * fuzz that R's {@code qpois}/{@code qnbinom} apply. Probabilities are summed term by term in log
 * space, which is exact to a few ulps per term for the counts of surveillance series.
 */
public final class DiscreteQuantiles {

  private static final double FUZZ = 1 - 64 * Math.ulp(1.0);
  private static final int MAX_COUNT = 100_000_000;

  private DiscreteQuantiles() {}

  /** Quantile of Poisson(lambda). */
  public static double poissonQuantile(double p, double lambda) {
    if (Double.isNaN(p) || Double.isNaN(lambda) || lambda < 0 || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (lambda == 0 || p == 0) {
      return 0;
    }
    if (p + 1.01 * Math.ulp(1.0) >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return search(new PoissonTerms(lambda), p * FUZZ);
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
    if (p + 1.01 * Math.ulp(1.0) >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return search(new NegBinomialTerms(size, prob), p * FUZZ);
  }

  /** P(Y ≥ y) for Y ~ Poisson(lambda). */
  public static double poissonUpperTail(double y, double lambda) {
    return upperTail(new PoissonTerms(lambda), y);
  }

  /** P(Y ≥ y) for the negative binomial. */
  public static double negBinomialUpperTail(double y, double size, double prob) {
    return upperTail(new NegBinomialTerms(size, prob), y);
  }

  private static double search(Terms terms, double target) {
    double cumulative = 0;
    double logPmf = terms.logPmfZero();
    for (int x = 0; x < MAX_COUNT; x++) {
      cumulative += Math.exp(logPmf);
      if (cumulative >= target) {
        return x;
      }
      logPmf += terms.logRatio(x);
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double upperTail(Terms terms, double y) {
    if (Double.isNaN(y)) {
      return Double.NaN;
    }
    if (y <= 0) {
      return 1;
    }
    double below = 0;
    double logPmf = terms.logPmfZero();
    int x = 0;
    for (; x < y; x++) {
      below += Math.exp(logPmf);
      logPmf += terms.logRatio(x);
    }
    if (below < 0.5) {
      return 1 - below;
    }
    double above = 0;
    for (; x < MAX_COUNT; x++) {
      double term = Math.exp(logPmf);
      above += term;
      if (term <= above * 1e-17 && x > terms.mean()) {
        break;
      }
      logPmf += terms.logRatio(x);
    }
    return above;
  }

  private interface Terms {
    double logPmfZero();

    /** log(P(x + 1) / P(x)). */
    double logRatio(int x);

    double mean();
  }

  private record PoissonTerms(double lambda) implements Terms {
    @Override
    public double logPmfZero() {
      return -lambda;
    }

    @Override
    public double logRatio(int x) {
      return Math.log(lambda / (x + 1.0));
    }

    @Override
    public double mean() {
      return lambda;
    }
  }

  private record NegBinomialTerms(double size, double prob) implements Terms {
    @Override
    public double logPmfZero() {
      return size * Math.log(prob);
    }

    @Override
    public double logRatio(int x) {
      return Math.log((x + size) / (x + 1.0)) + Math.log1p(-prob);
    }

    @Override
    public double mean() {
      return size * (1 - prob) / prob;
    }
  }
}
