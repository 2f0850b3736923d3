package org.datenraum.registry.icu;

import org.datenraum.core.Sex;

/**
 * Predicted body weight as the ARDS Network defines it (NEJM 2000;342:1301): 50 kg (men) or
 * 45.5 kg (women) + 0.91 × (height in cm − 152.4); for another or unknown sex the mean of the
 * two, 47.75 kg. Stateless.
 */
public final class PredictedBodyWeight {

  private PredictedBodyWeight() {}

  /** Predicted body weight in kg. */
  public static double kg(Sex sex, double heightCm) {
    double base = switch (sex) {
      case MALE -> 50;
      case FEMALE -> 45.5;
      default -> 47.75;
    };
    return base + 0.91 * (heightCm - 152.4);
  }
}
