package org.datenraum.registry.icu;

/**
 * The SOFA score's component thresholds (Vincent et al. 1996, Intensive Care Med 22:707). Values
 * in the units of {@link Measure}; vasopressor rates in µg/kg/min; NaN means "not measured" and
 * never scores. Stateless.
 */
public final class SofaScore {

  /** The six components, in the published order. */
  public enum Component { RESPIRATION, COAGULATION, LIVER, CARDIOVASCULAR, CNS, RENAL }

  private SofaScore() {}

  /** PaO2/FiO2 in mmHg; 3 and 4 only with respiratory support, else at most 2. */
  public static int respiration(double pf, boolean ventilated) {
    if (ventilated && pf < 100) {
      return 4;
    }
    if (ventilated && pf < 200) {
      return 3;
    }
    return pf < 300 ? 2 : pf < 400 ? 1 : 0;
  }

  /** Platelets in 10^3/µL. */
  public static int coagulation(double platelets) {
    return platelets < 20 ? 4 : platelets < 50 ? 3 : platelets < 100 ? 2 : platelets < 150 ? 1 : 0;
  }

  /** Bilirubin in mg/dL. */
  public static int liver(double bilirubin) {
    return bilirubin >= 12 ? 4 : bilirubin >= 6 ? 3 : bilirubin >= 2 ? 2 : bilirubin >= 1.2 ? 1 : 0;
  }

  /**
   * Mean arterial pressure (mmHg) and catecholamine rates (µg/kg/min): 1 MAP &lt; 70; 2 dopamine
   * ≤ 5 or dobutamine (any dose); 3 dopamine &gt; 5, epinephrine ≤ 0.1 or norepinephrine ≤ 0.1;
   * 4 dopamine &gt; 15, epinephrine &gt; 0.1 or norepinephrine &gt; 0.1.
   */
  public static int cardiovascular(double map, double dopamine, double dobutamine,
      double epinephrine, double norepinephrine) {
    if (dopamine > 15 || epinephrine > 0.1 || norepinephrine > 0.1) {
      return 4;
    }
    if (dopamine > 5 || epinephrine > 0 || norepinephrine > 0) {
      return 3;
    }
    if (dopamine > 0 || dobutamine > 0) {
      return 2;
    }
    return map < 70 ? 1 : 0;
  }

  /** Glasgow Coma Scale: 15 → 0, 13-14 → 1, 10-12 → 2, 6-9 → 3, &lt; 6 → 4. */
  public static int cns(double gcs) {
    return gcs < 6 ? 4 : gcs < 10 ? 3 : gcs < 13 ? 2 : gcs < 15 ? 1 : 0;
  }

  /** Creatinine in mg/dL, or urine output in mL per 24 h (&lt; 500 → 3, &lt; 200 → 4). */
  public static int renal(double creatinine, double urinePerDay) {
    if (creatinine >= 5 || urinePerDay < 200) {
      return 4;
    }
    if (creatinine >= 3.5 || urinePerDay < 500) {
      return 3;
    }
    return creatinine >= 2 ? 2 : creatinine >= 1.2 ? 1 : 0;
  }
}
