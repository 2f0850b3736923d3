package org.datenraum.surveillance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuasiPoissonGlmTest {

  private static double[] interceptAndTime(int n) {
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      x[i] = 1;
      x[n + i] = i + 1;
    }
    return x;
  }

  @Test
  void allZeroResponsesConvergeAfter24IterationsLikeR() {
    int n = 35;
    GlmFit fit = QuasiPoissonGlm.fit(interceptAndTime(n), n, 2, new double[n], null, null);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.iterations()).isEqualTo(24);
    assertThat(Math.log(fit.fitted(0))).isCloseTo(-26.30, within(0.01));
  }

  @Test
  void interceptOnlyFitIsTheLogMeanWithPearsonDispersion() {
    double[] y = {3, 0, 5, 2, 7, 1, 4, 4};
    int n = y.length;
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1);
    GlmFit fit = QuasiPoissonGlm.fit(x, n, 1, y, null, null);
    double mean = 26.0 / 8;
    assertThat(fit.converged()).isTrue();
    assertThat(fit.coefficient(0)).isCloseTo(Math.log(mean), within(1e-9));
    double pearson = 0;
    for (double v : y) {
      pearson += (v - mean) * (v - mean) / mean;
    }
    assertThat(fit.pearsonDispersion()).isCloseTo(pearson / (n - 1), within(1e-6));
    for (double h : fit.hatValues()) {
      assertThat(h).isCloseTo(1.0 / n, within(1e-12));
    }
  }

  @Test
  void aDuplicatedColumnIsAliasedAndTheFitStillWorks() {
    double[] y = {1, 2, 4, 3, 6, 8, 7, 9};
    int n = y.length;
    double[] x = new double[3 * n];
    for (int i = 0; i < n; i++) {
      x[i] = 1;
      x[n + i] = i;
      x[2 * n + i] = 2 * i;
    }
    GlmFit fit = QuasiPoissonGlm.fit(x, n, 3, y, null, null);
    assertThat(fit.rank()).isEqualTo(2);
    assertThat(fit.estimable(2)).isFalse();
    assertThat(fit.dfResidual()).isEqualTo(n - 2);
    double[] two = new double[2 * n];
    System.arraycopy(x, 0, two, 0, 2 * n);
    GlmFit reference = QuasiPoissonGlm.fit(two, n, 2, y, null, null);
    assertThat(fit.coefficient(1)).isCloseTo(reference.coefficient(1), within(1e-12));
  }

  @Test
  void priorWeightsScaleTheDeviance() {
    double[] y = {2, 5, 3, 9, 4};
    double[] x = {1, 1, 1, 1, 1};
    double[] w = {1, 1, 1, 0.1, 1};
    GlmFit fit = QuasiPoissonGlm.fit(x, 5, 1, y, w, null);
    double weightedMean = (2 + 5 + 3 + 0.9 + 4) / 4.1;
    assertThat(Math.exp(fit.coefficient(0))).isCloseTo(weightedMean, within(1e-9));
  }
}
