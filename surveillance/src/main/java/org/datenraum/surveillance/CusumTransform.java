package org.datenraum.surveillance;

/** How {@code algo.cusum} standardises a count x against the expected count m ({@code trans}). */
public enum CusumTransform {
  /** (x − m)/√m. */
  STANDARD("standard"),
  /** Rossi et al.: (x − 3m + 2√(xm)) / (2√m). */
  ROSSI("rossi"),
  /** Anscombe residual 3/2·(x^{2/3} − m^{2/3}) / m^{1/6}. */
  ANSCOMBE("anscombe"),
  /** Anscombe residual with Pierce–Schafer's second-order mean. */
  ANSCOMBE_2ND("anscombe2nd"),
  /** Negative binomial Pearson residual (x − m)/√(m + αm²). */
  PEARSON_NEG_BIN("pearsonNegBin"),
  /** The raw count. */
  NONE("none");

  private final String rName;

  CusumTransform(String rName) {
    this.rName = rName;
  }

  public String rName() {
    return rName;
  }
}
