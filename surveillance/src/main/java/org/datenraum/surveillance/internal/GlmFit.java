package org.datenraum.surveillance.internal;

/**
 * The result of {@link QuasiPoissonGlm#fit}: as R's {@code glm} object, the working weights and the
 * QR are those of the last weighted least-squares solve (computed from the μ of the previous
 * iteration), while fitted values come from the final coefficients. Immutable after construction.
 */
public final class GlmFit {

  private final double[] coefficients;
  private final double[] eta;
  private final double[] mu;
  private final double[] workingWeights;
  private final double[] priorWeights;
  private final double[] y;
  private final WeightedQr qr;
  private final int[] good;
  private final boolean converged;
  private final int iterations;

  GlmFit(double[] coefficients, double[] eta, double[] mu, double[] workingWeights,
      double[] priorWeights, double[] y, WeightedQr qr, int[] good, boolean converged,
      int iterations) {
    this.coefficients = coefficients;
    this.eta = eta;
    this.mu = mu;
    this.workingWeights = workingWeights;
    this.priorWeights = priorWeights;
    this.y = y;
    this.qr = qr;
    this.good = good;
    this.converged = converged;
    this.iterations = iterations;
  }

  static GlmFit failed(int n, int p, double[] y, double[] weights) {
    return new GlmFit(new double[p], new double[n], new double[n], new double[n], weights, y,
        null, new int[0], false, 0);
  }

  public boolean converged() {
    return converged;
  }

  public int iterations() {
    return iterations;
  }

  public double coefficient(int column) {
    return coefficients[column];
  }

  public double fitted(int i) {
    return mu[i];
  }

  public int rank() {
    return qr == null ? 0 : qr.rank();
  }

  /** Residual degrees of freedom: observations with positive prior weight minus the rank. */
  public int dfResidual() {
    return good.length - rank();
  }

  /** Whether column {@code column} is estimable (not aliased). */
  public boolean estimable(int column) {
    for (int j = 0; j < rank(); j++) {
      if (qr.pivot(j) == column) {
        return true;
      }
    }
    return false;
  }

  /** Σ wᵢ·((yᵢ − μᵢ)/μᵢ)² / df over wᵢ &gt; 0, for the given weights. */
  public double dispersion(double[] weights) {
    double df = dfResidual();
    if (df <= 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      if (weights[i] > 0) {
        double r = (y[i] - mu[i]) / mu[i];
        sum += weights[i] * r * r;
      }
    }
    return sum / df;
  }

  /** The Pearson dispersion as {@code summary.glm} computes it, from the working weights. */
  public double pearsonDispersion() {
    return dispersion(workingWeights);
  }

  /** Diagonal of the hat matrix of the last weighted least-squares solve (0 for weight-0 rows). */
  public double[] hatValues() {
    double[] hat = new double[y.length];
    double[] h = qr.hatDiagonal();
    double limit = 1 - 10 * QuasiPoissonGlm.MACHINE_EPS;
    for (int g = 0; g < good.length; g++) {
      hat[good[g]] = h[g] > limit ? 1 : h[g];
    }
    return hat;
  }

  /** Linear predictor at {@code x0} (aliased coefficients count as 0). */
  public double linkPrediction(double[] x0, double offset) {
    double eta0 = offset;
    for (int j = 0; j < x0.length; j++) {
      if (estimable(j)) {
        eta0 += x0[j] * coefficients[j];
      }
    }
    return eta0;
  }

  /** Standard error of the linear predictor at {@code x0} for the given dispersion. */
  public double linkStandardError(double[] x0, double dispersion) {
    return Math.sqrt(qr.quadraticForm(x0) * dispersion);
  }

  /** Two-sided p-value of the t test of coefficient {@code column} for the given dispersion. */
  public double waldPValue(int column, double dispersion) {
    double[] unit = new double[coefficients.length];
    unit[column] = 1;
    double se = Math.sqrt(qr.quadraticForm(unit) * dispersion);
    return StudentT.twoSidedPValue(coefficients[column] / se, dfResidual());
  }
}
