package org.datenraum.surveillance;

import org.datenraum.surveillance.internal.GlmFit;
import org.datenraum.surveillance.internal.QuasiPoissonGlm;

/**
 * The baseline model of both Farrington variants: quasi-Poisson fit, optional reweighting by
 * Anscombe residuals, the three-criteria trend test and the prediction for the current epoch.
 *
 * <p>The variants differ where R's two implementations differ: farringtonFlexible gives up
 * ({@code null}) when the unweighted fit does not converge, and after reweighting it overwrites
 * the model's working weights with the prior weights ω, so the prediction's standard error and the
 * trend test use Σ ω((y − μ)/μ)² / df instead of φ. algo.farrington keeps a non-converged fit and
 * passes φ to the prediction. Stateless.
 */
final class FarringtonModel {

  /** Which R implementation to follow. */
  enum Variant {
    FLEXIBLE,
    ORIGINAL
  }

  /** A fitted baseline model. */
  record Fitted(GlmFit glm, boolean trend, double phi, double summaryDispersion) {}

  /** The prediction for the current epoch on the link scale. */
  record Prediction(double eta, double seEta, double phi, boolean trend, double trendCoefficient) {}

  private FarringtonModel() {}

  static Fitted fit(BaselineData data, boolean trend, GlmOptions options, Variant variant) {
    int n = data.size();
    if (n == 0) {
      return null;
    }
    boolean withTrend = trend;
    GlmFit model = glm(data, withTrend, null);
    if (!model.converged()) {
      if (withTrend) {
        withTrend = false;
        model = glm(data, false, null);
      }
      if (!model.converged() && variant == Variant.FLEXIBLE) {
        return null;
      }
    }
    if (model.rank() == 0) {
      return null;
    }
    double phi = Math.max(model.pearsonDispersion(), 1);
    if (!options.reweight()) {
      return new Fitted(model, withTrend, phi, model.pearsonDispersion());
    }
    double[] omega = weights(anscombeResiduals(model, data.response(), phi),
        options.weightsThreshold());
    GlmFit weighted = glm(data, withTrend, omega);
    if (weighted.rank() == 0) {
      return null;
    }
    double weightedPhi = Math.max(weighted.pearsonDispersion(), 1);
    double summary = variant == Variant.FLEXIBLE
        ? weighted.dispersion(omega) : weighted.pearsonDispersion();
    return new Fitted(weighted, withTrend, weightedPhi, summary);
  }

  private static GlmFit glm(BaselineData data, boolean trend, double[] priorWeights) {
    return QuasiPoissonGlm.fit(data.design(trend), data.size(), data.columns(trend),
        data.response(), priorWeights, data.offset());
  }

  static double[] anscombeResiduals(GlmFit model, double[] y, double phi) {
    double[] hat = model.hatValues();
    double[] s = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double mu = model.fitted(i);
      double raw = 1.5 * (Math.pow(y[i], 2.0 / 3) * Math.pow(mu, -1.0 / 6) - Math.sqrt(mu));
      s[i] = raw / Math.sqrt(phi * (1 - hat[i]));
    }
    return s;
  }

  /** ω = γ/s² above the threshold, γ elsewhere, with γ making the weights average 1. */
  static double[] weights(double[] s, double threshold) {
    double sum = 0;
    for (double v : s) {
      sum += v > threshold ? 1 / (v * v) : 1;
    }
    double gamma = s.length / sum;
    double[] omega = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      omega[i] = s[i] > threshold ? gamma / (s[i] * s[i]) : gamma;
    }
    return omega;
  }

  /**
   * Fits with the trend if requested, keeps the trend only if it is significant, b ≥ 3 and the
   * prediction does not exceed the largest reference count, and predicts the current epoch.
   */
  static Prediction predict(BaselineData data, GlmOptions options, int b, Variant variant) {
    Fitted fitted = fit(data, options.trend(), options, variant);
    if (fitted == null) {
      return null;
    }
    boolean doTrend = false;
    if (fitted.trend()) {
      double mu0 = QuasiPoissonGlm.inverseLink(
          fitted.glm().linkPrediction(data.predictionRow(true), data.offsetNow()));
      double p = fitted.glm().waldPValue(1, fitted.summaryDispersion());
      double pThreshold = variant == Variant.FLEXIBLE ? options.pThresholdTrend() : 0.05;
      doTrend = b >= 3 && p < pThreshold && mu0 <= data.maxResponse();
      if (!doTrend) {
        fitted = fit(data, false, options, variant);
        if (fitted == null) {
          return null;
        }
      }
    }
    double seDispersion = variant == Variant.FLEXIBLE ? fitted.summaryDispersion() : fitted.phi();
    double[] row = data.predictionRow(fitted.trend());
    double eta = fitted.glm().linkPrediction(row, data.offsetNow());
    double se = fitted.glm().linkStandardError(row, seDispersion);
    double trendCoefficient = doTrend ? fitted.glm().coefficient(1) : Double.NaN;
    return new Prediction(eta, se, fitted.phi(), doTrend, trendCoefficient);
  }
}
