package org.datenraum.surveillance.internal;

/**
 * Fits a log-linear quasi-Poisson GLM by iteratively reweighted least squares with the conventions
 * of R's {@code glm.fit}: start μ = y + 0.1, inverse link max(exp η, ε), convergence when
 * |dev − dev_old| / (|dev| + 0.1) &lt; 1e-8 within 25 iterations, step halving on a non-finite
 * deviance, QR rank tolerance 1e-11. Stateless.
 */
public final class QuasiPoissonGlm {

  static final double MACHINE_EPS = Math.ulp(1.0);
  private static final double EPSILON = 1e-8;
  private static final int MAX_ITERATIONS = 25;
  private static final double QR_TOL = Math.min(1e-7, EPSILON / 1000);

  private QuasiPoissonGlm() {}

  /**
   * Fits the model.
   *
   * @param design column-major n×p design matrix
   * @param y responses (non-negative, no NaN)
   * @param priorWeights prior weights, or {@code null} for all 1
   * @param offset offset on the link scale, or {@code null} for none
   */
  public static GlmFit fit(double[] design, int n, int p, double[] y, double[] priorWeights,
      double[] offset) {
    double[] weights = priorWeights == null ? filled(n, 1) : priorWeights.clone();
    double[] off = offset == null ? new double[n] : offset;
    double[] eta = new double[n];
    double[] mu = new double[n];
    double[] yLogY = new double[n];
    for (int i = 0; i < n; i++) {
      eta[i] = startEta(y[i]);
      mu[i] = inverseLink(eta[i]);
      yLogY[i] = yLogY(y[i]);
    }
    double devOld = deviance(y, mu, weights);
    double[] coef = null;
    double[] coefOld = null;
    // Rows with zero prior weight keep working weight 0; the others are set in every iteration.
    double[] working = new double[n];
    WeightedQr qr = null;
    boolean converged = false;
    int iterations = 0;
    int[] good = goodRows(weights);
    int nGood = good.length;
    for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
      iterations = iter;
      double[] wx = new double[nGood * p];
      double[] wz = new double[nGood];
      for (int g = 0; g < nGood; g++) {
        int i = good[g];
        double muEta = mu[i];
        double z = (eta[i] - off[i]) + (y[i] - mu[i]) / muEta;
        double w = Math.sqrt(weights[i] * muEta * muEta / mu[i]);
        working[i] = w * w;
        wz[g] = z * w;
        for (int j = 0; j < p; j++) {
          wx[j * nGood + g] = design[j * n + i] * w;
        }
      }
      qr = WeightedQr.owning(wx, nGood, p, QR_TOL);
      double[] start = qr.solve(wz);
      if (!allFinite(start)) {
        break;
      }
      double dev = update(design, n, p, start, off, y, yLogY, weights, eta, mu);
      if (!Double.isFinite(dev) || !allFinite(mu)) {
        if (coefOld == null) {
          break;
        }
        for (int halving = 0; halving < MAX_ITERATIONS && !(Double.isFinite(dev) && allFinite(mu));
            halving++) {
          for (int j = 0; j < p; j++) {
            start[j] = (start[j] + coefOld[j]) / 2;
          }
          dev = update(design, n, p, start, off, y, yLogY, weights, eta, mu);
        }
      }
      coef = start;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
        converged = true;
        break;
      }
      devOld = dev;
      coefOld = start.clone();
    }
    if (coef == null) {
      return GlmFit.failed(n, p, y, weights);
    }
    return new GlmFit(coef, eta.clone(), mu.clone(), working.clone(), weights, y, qr, good,
        converged, iterations);
  }

  /**
   * Updates η and μ for new coefficients and returns the deviance; y·log(y/μ) is evaluated as
   * y·log y − y·η where μ = exp(η) is not truncated, which saves a logarithm per observation.
   */
  private static double update(double[] design, int n, int p, double[] coef, double[] off,
      double[] y, double[] yLogY, double[] weights, double[] eta, double[] mu) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = off[i];
      for (int j = 0; j < p; j++) {
        e += design[j * n + i] * coef[j];
      }
      eta[i] = e;
      double m = Math.exp(e);
      double r;
      if (m > MACHINE_EPS) {
        mu[i] = m;
        r = y[i] > 0 ? yLogY[i] - y[i] * e - (y[i] - m) : m;
      } else {
        mu[i] = MACHINE_EPS;
        r = y[i] > 0 ? y[i] * Math.log(y[i] / MACHINE_EPS) - (y[i] - MACHINE_EPS) : MACHINE_EPS;
      }
      sum += 2 * weights[i] * r;
    }
    return sum;
  }

  /** log(y + 0.1), R's starting η; from a table for the small whole counts that dominate. */
  private static double startEta(double y) {
    int k = (int) y;
    return k == y && k >= 0 && k < TABLE ? LOG_START[k] : Math.log(y + 0.1);
  }

  /** y·log(y) (0 for y = 0); from a table for small whole counts. */
  private static double yLogY(double y) {
    int k = (int) y;
    if (k == y && k >= 0 && k < TABLE) {
      return Y_LOG_Y[k];
    }
    return y > 0 ? y * Math.log(y) : 0;
  }

  private static final int TABLE = 1024;
  private static final double[] LOG_START = new double[TABLE];
  private static final double[] Y_LOG_Y = new double[TABLE];

  static {
    for (int k = 0; k < TABLE; k++) {
      LOG_START[k] = Math.log(k + 0.1);
      Y_LOG_Y[k] = k > 0 ? k * Math.log(k) : 0;
    }
  }

  /** max(exp(η), ε), R's inverse log link. */
  public static double inverseLink(double eta) {
    return Math.max(Math.exp(eta), MACHINE_EPS);
  }

  static double deviance(double[] y, double[] mu, double[] weights) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double r = y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i];
      sum += 2 * weights[i] * r;
    }
    return sum;
  }

  private static int[] goodRows(double[] weights) {
    int count = 0;
    for (double w : weights) {
      if (w > 0) {
        count++;
      }
    }
    int[] good = new int[count];
    int g = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        good[g++] = i;
      }
    }
    return good;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}
