package org.datenraum.surveillance;

import org.datenraum.surveillance.internal.DiscreteQuantiles;
import org.datenraum.surveillance.internal.Normal;
import org.datenraum.surveillance.internal.QuasiPoissonGlm;

/** Upper bounds and exceedance scores of the Farrington methods. Stateless. */
final class FarringtonThresholds {

  /** Upper bound, exceedance score and the fitted mean on the response scale. */
  record Bound(double upper, double score, double expected) {}

  private FarringtonThresholds() {}

  /**
   * Delta method (Farrington et al. 1996): normal approximation of the power-transformed count,
   * variance φμ + Var(μ̂) transformed; {@code z} is the normal quantile.
   */
  static Bound delta(FarringtonModel.Prediction prediction, PowerTransform transform, double z,
      double y) {
    double mu0 = QuasiPoissonGlm.inverseLink(prediction.eta());
    double seFit = prediction.seEta() * mu0;
    double tau = prediction.phi() + seFit * seFit / mu0;
    double exponent = transform.exponent();
    double se = switch (transform) {
      case NONE -> Math.sqrt(mu0 * tau);
      case SQUARE_ROOT -> Math.sqrt(0.25 * tau);
      case TWO_THIRDS -> Math.sqrt(4.0 / 9 * Math.pow(mu0, 1.0 / 3) * tau);
    };
    double centre = Math.pow(mu0, exponent);
    double a = Math.pow(centre - z * se, 1 / exponent);
    double b = Math.pow(centre + z * se, 1 / exponent);
    double upper = secondOfSorted(a, b);
    double score = Double.isNaN(upper) ? Double.NaN : (y - mu0) / (upper - mu0);
    return new Bound(upper, score, mu0);
  }

  /** R's {@code sort(c(a, b), na.last = FALSE)[2]}. */
  private static double secondOfSorted(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) ? b : a;
    }
    return Math.max(a, b);
  }

  /**
   * Noufaily et al. (2013): the (1 − α) quantile of a negative binomial with mean μ and variance
   * φμ (Poisson when φ = 1); μ is exp(η̂) for nbPlugin and exp of the (1 − α) quantile of η̂ for
   * muan. The score is computed against η̂ on the log scale, as the package does.
   */
  static Bound noufaily(FarringtonModel.Prediction prediction, ThresholdMethod method,
      double alpha, double y) {
    double eta = prediction.eta();
    double mu = method == ThresholdMethod.NB_PLUGIN
        ? Math.exp(eta)
        : Math.exp(Normal.quantile(1 - alpha, eta, prediction.seEta()));
    double phi = prediction.phi();
    double upper;
    if (mu == Double.POSITIVE_INFINITY) {
      upper = Double.NaN;
    } else if (phi > 1) {
      upper = DiscreteQuantiles.negBinomialQuantile(1 - alpha, mu / (phi - 1), 1 / phi);
    } else {
      upper = DiscreteQuantiles.poissonQuantile(1 - alpha, mu);
    }
    double score = Double.isNaN(upper) ? Double.NaN : (y - eta) / (upper - eta);
    return new Bound(upper, score, Math.exp(eta));
  }
}
