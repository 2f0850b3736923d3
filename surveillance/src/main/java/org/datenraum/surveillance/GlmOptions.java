package org.datenraum.surveillance;

/**
 * How the quasi-Poisson baseline model is fitted: with a linear time trend kept only when its
 * p-value is below {@code pThresholdTrend} (and b ≥ 3 and the prediction does not exceed the
 * baseline maximum), with a log-population offset, and with down-weighting of past outbreaks whose
 * Anscombe residual exceeds {@code weightsThreshold}. Immutable.
 */
public record GlmOptions(boolean trend, double pThresholdTrend, boolean populationOffset,
    boolean reweight, double weightsThreshold) {

  public GlmOptions {
    if (!(pThresholdTrend >= 0 && pThresholdTrend <= 1)) {
      throw new IllegalArgumentException("pThresholdTrend must be within [0, 1]: " + pThresholdTrend);
    }
    if (Double.isNaN(weightsThreshold)) {
      throw new IllegalArgumentException("weightsThreshold must be a number");
    }
  }
}
