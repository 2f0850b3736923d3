package org.datenraum.surveillance.internal;

/**
 * Householder QR decomposition of an n×p matrix with LINPACK {@code dqrdc2}'s limited pivoting:
 * a column whose remaining norm falls below {@code tol} times its original norm is moved to the end
 * and counts as aliased. Column-major storage. Not thread-safe (owns its work arrays).
 */
public final class WeightedQr {

  private final int n;
  private final int p;
  private final double[] qr;
  private final double[] qraux;
  private final int[] pivot;
  private int rank;

  /** Decomposes a copy of {@code matrix} (column-major, n rows, p columns). */
  public WeightedQr(double[] matrix, int n, int p, double tol) {
    this(n, p, matrix.clone(), tol);
  }

  private WeightedQr(int n, int p, double[] owned, double tol) {
    this.n = n;
    this.p = p;
    this.qr = owned;
    this.qraux = new double[p];
    this.pivot = new int[p];
    decompose(tol);
  }

  /** Decomposes {@code matrix} in place: the caller hands it over and must not use it again. */
  static WeightedQr owning(double[] matrix, int n, int p, double tol) {
    return new WeightedQr(n, p, matrix, tol);
  }

  private void decompose(double tol) {
    double[] original = new double[p];
    double[] current = new double[p];
    for (int j = 0; j < p; j++) {
      pivot[j] = j;
      double norm = norm(j, 0);
      current[j] = norm;
      original[j] = norm == 0 ? 1 : norm;
    }
    int limit = Math.min(n, p);
    int k = p;
    for (int l = 0; l < limit; l++) {
      while (l < k && current[l] < original[l] * tol) {
        rotateToEnd(l, original, current);
        k--;
      }
      if (l == n - 1) {
        break;
      }
      householder(l, original, current);
    }
    rank = Math.min(k, n);
  }

  private void rotateToEnd(int l, double[] original, double[] current) {
    double[] column = new double[n];
    System.arraycopy(qr, l * n, column, 0, n);
    int pv = pivot[l];
    double o = original[l];
    double c = current[l];
    for (int j = l; j < p - 1; j++) {
      System.arraycopy(qr, (j + 1) * n, qr, j * n, n);
      pivot[j] = pivot[j + 1];
      original[j] = original[j + 1];
      current[j] = current[j + 1];
    }
    System.arraycopy(column, 0, qr, (p - 1) * n, n);
    pivot[p - 1] = pv;
    original[p - 1] = o;
    current[p - 1] = c;
  }

  private void householder(int l, double[] original, double[] current) {
    int base = l * n;
    double nrmxl = norm(l, l);
    if (nrmxl == 0) {
      qraux[l] = 0;
      return;
    }
    if (qr[base + l] != 0) {
      nrmxl = Math.copySign(nrmxl, qr[base + l]);
    }
    for (int i = l; i < n; i++) {
      qr[base + i] /= nrmxl;
    }
    qr[base + l] += 1;
    for (int j = l + 1; j < p; j++) {
      int cj = j * n;
      double dot = 0;
      for (int i = l; i < n; i++) {
        dot += qr[base + i] * qr[cj + i];
      }
      double t = -dot / qr[base + l];
      for (int i = l; i < n; i++) {
        qr[cj + i] += t * qr[base + i];
      }
      if (current[j] != 0) {
        double ratio = Math.abs(qr[cj + l]) / current[j];
        double tt = Math.max(0, 1 - ratio * ratio);
        if (Math.abs(tt) < 1e-6) {
          current[j] = norm(j, l + 1);
        } else {
          current[j] *= Math.sqrt(tt);
        }
      }
    }
    qraux[l] = qr[base + l];
    qr[base + l] = -nrmxl;
  }

  private double norm(int column, int from) {
    double sumSquares = 0;
    int start = column * n;
    for (int i = from; i < n; i++) {
      double v = qr[start + i];
      sumSquares += v * v;
    }
    if (sumSquares > 1e-280 && sumSquares < 1e280) {
      return Math.sqrt(sumSquares);
    }
    return scaledNorm(column, from);
  }

  private double scaledNorm(int column, int from) {
    double scale = 0;
    double ssq = 1;
    int base = column * n;
    for (int i = from; i < n; i++) {
      double v = qr[base + i];
      if (v != 0) {
        double a = Math.abs(v);
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) * (scale / a);
          scale = a;
        } else {
          ssq += (a / scale) * (a / scale);
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }

  public int rank() {
    return rank;
  }

  /** Original column index of pivoted column j. */
  public int pivot(int j) {
    return pivot[j];
  }

  /** Applies Qᵀ to {@code y} in place. */
  public void applyQt(double[] y) {
    for (int l = 0; l < Math.min(rank, n - 1); l++) {
      reflect(l, y);
    }
  }

  /** Applies Q to {@code y} in place. */
  public void applyQ(double[] y) {
    for (int l = Math.min(rank, n - 1) - 1; l >= 0; l--) {
      reflect(l, y);
    }
  }

  private void reflect(int l, double[] y) {
    if (qraux[l] == 0) {
      return;
    }
    int base = l * n;
    double diag = qr[base + l];
    qr[base + l] = qraux[l];
    double dot = 0;
    for (int i = l; i < n; i++) {
      dot += qr[base + i] * y[i];
    }
    double t = -dot / qr[base + l];
    for (int i = l; i < n; i++) {
      y[i] += t * qr[base + i];
    }
    qr[base + l] = diag;
  }

  /**
   * Least-squares coefficients for response {@code y} in original column order; aliased columns
   * get 0.
   */
  public double[] solve(double[] y) {
    double[] qty = y.clone();
    applyQt(qty);
    double[] b = new double[rank];
    for (int j = rank - 1; j >= 0; j--) {
      double s = qty[j];
      for (int k = j + 1; k < rank; k++) {
        s -= r(j, k) * b[k];
      }
      b[j] = s / r(j, j);
    }
    double[] coef = new double[p];
    for (int j = 0; j < rank; j++) {
      coef[pivot[j]] = b[j];
    }
    return coef;
  }

  /** Element (i, j) of R (pivoted column order), i ≤ j. */
  public double r(int i, int j) {
    return qr[j * n + i];
  }

  /** Diagonal of the hat matrix Q₁Q₁ᵀ, where Q₁ are the first {@code rank} columns of Q. */
  public double[] hatDiagonal() {
    double[] hat = new double[n];
    double[] e = new double[n];
    for (int j = 0; j < rank; j++) {
      java.util.Arrays.fill(e, 0);
      e[j] = 1;
      applyQ(e);
      for (int i = 0; i < n; i++) {
        hat[i] += e[i] * e[i];
      }
    }
    return hat;
  }

  /**
   * x₀ᵀ (RᵀR)⁻¹ x₀ for a row {@code x0} in original column order, using only the non-aliased
   * columns.
   */
  public double quadraticForm(double[] x0) {
    double[] v = new double[rank];
    for (int j = 0; j < rank; j++) {
      double s = x0[pivot[j]];
      for (int k = 0; k < j; k++) {
        s -= r(k, j) * v[k];
      }
      v[j] = s / r(j, j);
    }
    double sum = 0;
    for (double value : v) {
      sum += value * value;
    }
    return sum;
  }
}
