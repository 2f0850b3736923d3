package org.datenraum.registry.icu;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.core.FactValue;
import org.datenraum.query.eval.Units;

/**
 * Values of measures and infusion rates in the units the indicators compute in, converted with
 * UCUM ({@link Units}). Beyond UCUM: FiO2 is a fraction whatever its unit says when the number
 * is at most 1 (MII examples write 0.4 %), a percentage above 1; bilirubin and creatinine in a
 * substance concentration convert by their molar masses (1 mg/dL = 17.1 µmol/L bilirubin,
 * 88.4 µmol/L creatinine); scores (GCS, RASS) are plain numbers. A quantity without a unit is
 * read only for scores and FiO2. Stateless.
 */
public final class Quantities {

  /** The unit infusion rates are compared in. */
  public static final String RATE_UNIT = "ug/kg/min";

  private static final Map<String, Map<String, Double>> FACTORS = new ConcurrentHashMap<>();

  private Quantities() {}

  /** The value in the measure's unit, or NaN when it has none or does not convert. */
  public static double normalised(Measure m, FactValue v) {
    if (!(v instanceof FactValue.Quantity q) || q.comparator() != null || Double.isNaN(q.number())) {
      return Double.NaN;
    }
    double n = q.number();
    String unit = q.unit();
    switch (m) {
      case GCS, RASS -> {
        return unit == null || unit.equals("1") || unit.startsWith("{") ? n : Double.NaN;
      }
      case FIO2 -> {
        return n <= 0 || n > 100 ? Double.NaN : n <= 1 ? n : n / 100;
      }
      case BILIRUBIN -> {
        return massOrSubstance(n, unit, m.unit(), 17.1);
      }
      case CREATININE -> {
        return massOrSubstance(n, unit, m.unit(), 88.4);
      }
      default -> {
        return converted(n, unit, m.unit());
      }
    }
  }

  /**
   * An infusion rate in µg/kg/min: a rate per kg converts directly, a mass per time is divided
   * by the weight (kg; NaN when unknown); NaN when the unit fits neither.
   */
  public static double rate(FactValue v, double weightKg) {
    if (!(v instanceof FactValue.Quantity q) || q.unit() == null) {
      return Double.NaN;
    }
    double perKg = converted(q.number(), q.unit(), RATE_UNIT);
    if (!Double.isNaN(perKg)) {
      return perKg;
    }
    double perMin = converted(q.number(), q.unit(), "ug/min");
    return Double.isNaN(perMin) || !(weightKg > 0) ? Double.NaN : perMin / weightKg;
  }

  private static double massOrSubstance(double n, String unit, String to, double umolPerLPerUnit) {
    double mass = converted(n, unit, to);
    if (!Double.isNaN(mass)) {
      return mass;
    }
    double umol = converted(n, unit, "umol/L");
    return Double.isNaN(umol) ? Double.NaN : umol / umolPerLPerUnit;
  }

  /** {@code n} in {@code to}; the factor of each pair (no offsets among these units) is kept. */
  private static double converted(double n, String unit, String to) {
    if (unit == null) {
      return Double.NaN;
    }
    return n * FACTORS.computeIfAbsent(to, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(unit, u -> {
          OptionalDouble d = Units.convert(1, u, to);
          return d.isPresent() ? d.getAsDouble() : Double.NaN;
        });
  }
}
