package org.datenraum.surveillance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionsTest {

  @Test
  void logGammaOfIntegersIsLogFactorial() {
    double logFactorial = 0;
    for (int n = 1; n < 60; n++) {
      assertThat(SpecialFunctions.logGamma(n)).isCloseTo(logFactorial,
          within(1e-13 * Math.max(1, logFactorial)));
      logFactorial += Math.log(n);
    }
    assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-15));
  }

  @Test
  void normalQuantilesAreTheTabulatedOnes() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(Normal.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-14));
    assertThat(Normal.quantile(0.999)).isCloseTo(3.090232306167813, within(1e-13));
    assertThat(Normal.quantile(0.5)).isZero();
    assertThat(Normal.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-14));
  }

  @Test
  void normalQuantileInvertsTheCdfFarIntoTheTails() {
    for (double p : new double[] {1e-300, 1e-20, 1e-8, 0.001, 0.3, 0.7, 0.999999}) {
      double x = Normal.quantile(p);
      assertThat(Normal.cdf(x) / p).as("p=%s", p).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void studentTMatchesClosedFormsForOneAndTwoDegreesOfFreedom() {
    for (double t : new double[] {-30, -2.5, -0.3, 0, 0.7, 4}) {
      assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-14));
      assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)),
          within(1e-14));
    }
  }

  @Test
  void poissonQuantileIsTheSmallestCountReachingP() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) {
      double lambda = Math.exp(-3 + 9 * random.nextDouble());
      double p = random.nextDouble();
      double q = DiscreteQuantiles.poissonQuantile(p, lambda);
      // P(Y <= x) = Q(x + 1, lambda), an identity independent of the summation used.
      assertThat(SpecialFunctions.upperGammaRegularized(q + 1, lambda)).isGreaterThanOrEqualTo(p * (1 - 1e-12));
      if (q > 0) {
        assertThat(SpecialFunctions.upperGammaRegularized(q, lambda)).isLessThan(p);
      }
    }
  }

  @Test
  void negativeBinomialQuantileIsTheSmallestCountReachingP() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      double size = Math.exp(-2 + 8 * random.nextDouble());
      double prob = 0.05 + 0.9 * random.nextDouble();
      double p = random.nextDouble();
      double q = DiscreteQuantiles.negBinomialQuantile(p, size, prob);
      // P(Y <= x) = I_prob(size, x + 1).
      assertThat(SpecialFunctions.betaRegularized(prob, size, q + 1))
          .isGreaterThanOrEqualTo(p * (1 - 1e-12));
      if (q > 0) {
        assertThat(SpecialFunctions.betaRegularized(prob, size, q)).isLessThan(p);
      }
    }
  }

  @Test
  void degenerateQuantilesFollowR() {
    assertThat(DiscreteQuantiles.poissonQuantile(0.95, 0)).isZero();
    assertThat(DiscreteQuantiles.negBinomialQuantile(0.95, 0, 0.5)).isZero();
    assertThat(DiscreteQuantiles.poissonQuantile(1, 3)).isInfinite();
    assertThat(DiscreteQuantiles.poissonUpperTail(0, 3)).isEqualTo(1);
    assertThat(DiscreteQuantiles.poissonUpperTail(1, 3)).isCloseTo(1 - Math.exp(-3), within(1e-15));
  }

  /** R 4.2.2's qpois and qnbinom: exact where the sum is formed, within 1e-9 beyond. */
  @Test
  void quantilesOfLargeCountsAreRs() {
    assertThat(DiscreteQuantiles.poissonQuantile(0.95, 1234567.5)).isEqualTo(1236395);
    assertThat(DiscreteQuantiles.poissonQuantile(0.05, 1234567.5)).isEqualTo(1232740);
    assertThat(DiscreteQuantiles.poissonQuantile(0.95, 3e9)).isEqualTo(3000090093.0);
    assertThat(DiscreteQuantiles.poissonQuantile(0.05, 3e9)).isEqualTo(2999909908.0);
    assertThat(DiscreteQuantiles.poissonQuantile(0.95, 7.7e11)).isEqualTo(770001443353.0);
    assertThat(DiscreteQuantiles.poissonQuantile(0.05, 7.7e11)).isEqualTo(769998556647.0);
    assertThat(DiscreteQuantiles.negBinomialQuantile(0.95, 1e8, 0.4)).isEqualTo(150031854);
    assertThat(DiscreteQuantiles.negBinomialQuantile(0.5, 1e8, 0.4)).isEqualTo(149999999);
    assertThat(DiscreteQuantiles.negBinomialQuantile(0.95, 7.5, 1e-4)).isEqualTo(124969);
    assertThat(DiscreteQuantiles.negBinomialQuantile(0.5, 7.5, 1e-4)).isEqualTo(71687);
    assertRelative(DiscreteQuantiles.poissonQuantile(0.95, 5e13), 50000011630872.0);
    assertRelative(DiscreteQuantiles.poissonQuantile(0.05, 5e13), 49999988369129.0);
    assertRelative(DiscreteQuantiles.poissonQuantile(0.95, 2e38), 2.0000000000000007e38);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.95, 3e12, 0.6), 2000003003079.0);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.95, 40, 1e-6), 50939692);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.5, 40, 1e-6), 39667125);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.95, 2.5, 1e-9), 5535248843.0);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.5, 2.5, 1e-9), 2175730093.0);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.95, 2.517, 2.31e-38),
        2.4076000949286899e38);
    assertRelative(DiscreteQuantiles.negBinomialQuantile(0.5, 2.517, 2.31e-38),
        9.4920400129621591e37);
  }

  private static void assertRelative(double actual, double expected) {
    assertThat(actual / expected).as("%s vs R's %s", actual, expected).isCloseTo(1, within(1e-9));
  }

  @Test
  void tailsOfLargeCountsComplementTheDistributionFunction() {
    double q = DiscreteQuantiles.poissonQuantile(0.95, 3e9);
    assertThat(DiscreteQuantiles.poissonUpperTail(q + 1, 3e9)).isLessThanOrEqualTo(0.05)
        .isGreaterThan(0.0499);
    assertThat(DiscreteQuantiles.poissonUpperTail(q, 3e9)).isGreaterThan(0.05);
    assertThat(DiscreteQuantiles.negBinomialUpperTail(2.4076000949286899e38, 2.517, 2.31e-38))
        .isCloseTo(0.05, within(1e-9));
  }
}
