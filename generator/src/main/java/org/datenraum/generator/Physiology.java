package org.datenraum.generator;

import java.util.Map;
import org.datenraum.generator.Vocabulary.CaseType;
import org.datenraum.generator.Vocabulary.LabTest;

/**
 * Measured values that fit the patient: laboratory values shifted by the acute problem (fading
 * as it resolves) and by chronic disease, and vital signs around a personal baseline. Stateless.
 */
final class Physiology {

  /** How chronic conditions shift laboratory values (multiplicative). */
  private static final Map<String, Map<String, Double>> CHRONIC_LAB = Map.of(
      "N18.3", Map.of("2160-0", 1.9, "2823-3", 1.08, "718-7", 0.88),
      "E11.90", Map.of("2345-7", 1.6, "4548-4", 1.35),
      "I50.13", Map.of("33762-6", 6.0),
      "K70.3", Map.of("1742-6", 1.8, "1920-8", 2.5, "777-3", 0.6),
      "F10.2", Map.of("1920-8", 1.4));

  private Physiology() {}

  /**
   * A laboratory value; {@code acute} is 1 on admission and falls towards 0 as the acute problem
   * resolves.
   */
  static double lab(PatientContext p, LabTest t, CaseType c, double acute, int age) {
    if (t.loinc().equals("62238-1")) {
      return egfr(p.lastCreatinine, p.male, age);
    }
    double low = t.low(p.male);
    double high = t.high(p.male);
    double v;
    if (low == 0) {
      v = Draw.logNormal(p.rng, high * 0.35, 0.6);
    } else {
      v = Draw.normal(p.rng, (low + high) / 2, (high - low) / 5);
    }
    Double effect = c.labEffects().get(t.loinc());
    if (effect != null) {
      v *= 1 + (effect - 1) * acute * Draw.logNormal(p.rng, 1, 0.3);
    }
    for (Vocabulary.Chronic ch : p.chronic) {
      Map<String, Double> m = CHRONIC_LAB.get(ch.icd());
      if (m != null && m.containsKey(t.loinc())) {
        v *= m.get(t.loinc());
      }
    }
    if (t.loinc().equals("2160-0")) {
      p.lastCreatinine = v;
    }
    return Math.max(v, Math.pow(10, -t.decimals()));
  }

  /** CKD-EPI 2021 estimated GFR from creatinine (mg/dL), sex and age. */
  static double egfr(double creatinine, boolean male, int age) {
    double kappa = male ? 0.9 : 0.7;
    double alpha = male ? -0.302 : -0.241;
    double r = creatinine / kappa;
    double v = 142 * Math.pow(Math.min(r, 1), alpha) * Math.pow(Math.max(r, 1), -1.2)
        * Math.pow(0.9938, Math.max(age, 18)) * (male ? 1 : 1.012);
    return Math.min(v, 150);
  }

  /** Vital signs of a patient during one contact, drifting hour by hour; not thread-safe. */
  static final class Vitals {
    private final PatientContext p;
    private final double[] base = new double[6];
    private final double[] acuteShift = new double[6];
    private final double[] drift = new double[6];
    static final int HR = 0;
    static final int SYS = 1;
    static final int DIA = 2;
    static final int SPO2 = 3;
    static final int TEMP = 4;
    static final int RR = 5;

    Vitals(PatientContext p, CaseType c, int age) {
      this.p = p;
      boolean hypertensive = p.has("I10.90");
      base[HR] = Draw.normal(p.rng, age < 15 ? 100 : 76, 9);
      base[SYS] = Draw.normal(p.rng, 118 + Math.max(0, age - 30) * 0.35 + (hypertensive ? 14 : 0), 10);
      base[DIA] = Draw.normal(p.rng, 76 + (hypertensive ? 6 : 0), 6);
      base[SPO2] = Draw.normal(p.rng, p.has("J44.99") ? 93 : 97.5, 1);
      base[TEMP] = Draw.normal(p.rng, 36.8, 0.25);
      base[RR] = Draw.normal(p.rng, age < 15 ? 22 : 15, 2);
      boolean respiratory = !c.season().equals("NONE") && !c.season().equals("GI");
      boolean septic = c.panels().contains("sepsis");
      double severity = (5 - c.acuity()) / 3.0;
      acuteShift[HR] = 8 * severity + (septic ? 25 : 0) + (respiratory ? 12 : 0);
      acuteShift[SYS] = septic ? -28 : c.key().equals("HYPERTENSIVE") ? 55 : 0;
      acuteShift[DIA] = septic ? -15 : c.key().equals("HYPERTENSIVE") ? 25 : 0;
      acuteShift[SPO2] = respiratory ? -5 : septic ? -3 : 0;
      acuteShift[TEMP] = septic ? 1.7 : respiratory ? 1.1 : 0;
      acuteShift[RR] = septic ? 8 : respiratory ? 7 : 0;
    }

    /** Moves the values one step (an hour) along a slowly wandering path. */
    void step() {
      for (int i = 0; i < drift.length; i++) {
        drift[i] = drift[i] * 0.85 + p.rng.nextGaussian() * NOISE[i];
      }
    }

    private static final double[] NOISE = {3, 4, 3, 0.6, 0.1, 1};

    double value(int sign, double acute) {
      double v = base[sign] + acuteShift[sign] * acute + drift[sign];
      return switch (sign) {
        case SPO2 -> Draw.clamp(v, 70, 100);
        case TEMP -> Draw.clamp(v, 34.5, 41.5);
        case SYS -> Draw.clamp(v, 60, 240);
        case DIA -> Draw.clamp(Math.min(v, value(SYS, acute) - 15), 30, 140);
        default -> Math.max(v, 4);
      };
    }
  }
}
