package org.datenraum.surveillance.internal;

/**
 * A distribution on the counts 0, 1, 2, … with the probabilities computed by the saddle-point
 * expansion (Loader 2000), accurate to a few ulps also for counts far beyond 1e6. Immutable.
 */
sealed interface CountDistribution {

  double mean();

  double variance();

  /** log P(Y = x). */
  double logPmf(double x);

  /** P(Y = x − 1) / P(Y = x) for x ≥ 1. */
  double down(double x);

  /** P(Y = x + 1) / P(Y = x). */
  double up(double x);

  /** Poisson(lambda), lambda > 0. */
  record Poisson(double lambda) implements CountDistribution {
    @Override
    public double mean() {
      return lambda;
    }

    @Override
    public double variance() {
      return lambda;
    }

    @Override
    public double logPmf(double x) {
      if (x == 0) {
        return -lambda;
      }
      return -SaddlePoint.stirlingError(x) - SaddlePoint.deviance(x, lambda)
          - 0.5 * Math.log(2 * Math.PI * x);
    }

    @Override
    public double down(double x) {
      return x / lambda;
    }

    @Override
    public double up(double x) {
      return lambda / (x + 1);
    }
  }

  /** Negative binomial: failures before the {@code size}-th success of probability {@code prob}. */
  record NegBinomial(double size, double prob) implements CountDistribution {
    @Override
    public double mean() {
      return size * (1 - prob) / prob;
    }

    @Override
    public double variance() {
      return mean() / prob;
    }

    /** size / (size + x) times the binomial probability of size successes in size + x trials. */
    @Override
    public double logPmf(double x) {
      if (x == 0) {
        return size * Math.log(prob);
      }
      double n = size + x;
      double logBinomial = SaddlePoint.stirlingError(n) - SaddlePoint.stirlingError(size)
          - SaddlePoint.stirlingError(x) - SaddlePoint.deviance(size, n * prob)
          - SaddlePoint.deviance(x, n * (1 - prob))
          + 0.5 * Math.log(n / (2 * Math.PI * size * x));
      return Math.log(size / n) + logBinomial;
    }

    @Override
    public double down(double x) {
      return x / ((x - 1 + size) * (1 - prob));
    }

    @Override
    public double up(double x) {
      return (x + size) * (1 - prob) / (x + 1);
    }
  }
}
