package org.datenraum.surveillance;

/** How farringtonFlexible turns the fitted mean into an upper bound ({@code thresholdMethod}). */
public enum ThresholdMethod {
  /** Farrington et al. (1996): normal approximation on a power-transformed scale (delta method). */
  DELTA("delta"),
  /** Noufaily et al. (2013): negative binomial quantile with the fitted mean plugged in. */
  NB_PLUGIN("nbPlugin"),
  /** Negative binomial quantile at the (1 − α) quantile of the estimated mean. */
  MUAN("muan");

  private final String rName;

  ThresholdMethod(String rName) {
    this.rName = rName;
  }

  /** The name R uses. */
  public String rName() {
    return rName;
  }
}
