package org.datenraum.generator;

import java.util.SplittableRandom;

/**
 * The tidal volume set for one ventilated stay, in mL. Adults (16 and older) are meant to get 6-8
 * mL/kg of predicted body weight (ARDS Network), but the volume often follows the actual weight
 * instead: for 60 % of the stays without ARDS the reference weight lies 60 % of the way from the
 * predicted to the actual weight, so short and heavy patients, and women (lower predicted weight
 * for their actual weight), exceed 8 mL/kg more often. Target 6.2-8.2 mL/kg. Stays with ARDS aim at
 * 6 mL/kg (5.6-7.0, predicted weight in 80 %, else 40 % of the way to the actual one) and reach
 * it in about a quarter. Children get 6.2-8.2 mL/kg of their actual weight. Each hour the setting
 * varies by about 3 % and is rounded to 10 mL.
 */
final class TidalVolume {

  private final double ml;

  private TidalVolume(double ml) {
    this.ml = ml;
  }

  /** The stay's setting; {@code u} a uniform draw in [0, 1) that places the target. */
  static TidalVolume of(PatientContext p, boolean ards, double u, SplittableRandom rng) {
    if (p.ageAtStart < 16) {
      return new TidalVolume(p.weightKg * (6.2 + 2 * u));
    }
    double pbw = (p.male ? 50 : 45.5) + 0.91 * (p.heightCm - 152.4);
    boolean byPredicted = rng.nextDouble() < (ards ? 0.8 : 0.4);
    double towardsActual = byPredicted ? 0 : ards ? 0.4 : 0.6;
    double reference = pbw + towardsActual * (p.weightKg - pbw);
    double perKg = ards ? 5.6 + 1.4 * u : 6.2 + 2 * u;
    return new TidalVolume(Math.max(reference, 1) * perKg);
  }

  /** One hour's setting, mL. */
  double hour(SplittableRandom rng) {
    return Math.round(ml * (1 + 0.03 * rng.nextGaussian()) / 10) * 10.0;
  }
}
