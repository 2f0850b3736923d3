package org.datenraum.query.eval;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Conversion between the UCUM units that feasibility queries compare: mass, length, volume, time,
 * mass and substance concentrations, cell counts, pressure and temperature. Units outside the
 * table convert only to themselves. Stateless.
 */
public final class Units {

  private record Scale(String dimension, double factor) {}

  private static final Map<String, String> ALIASES = Map.of(
      "mmHg", "mm[Hg]", "°C", "Cel", "degC", "Cel", "l", "L", "dl", "dL", "ml", "mL", "µL", "uL", "µg", "ug",
      "/min", "{beats}/min");

  private static final Map<String, Scale> SCALES = Map.ofEntries(
      Map.entry("kg", new Scale("mass", 1e3)), Map.entry("g", new Scale("mass", 1)),
      Map.entry("mg", new Scale("mass", 1e-3)), Map.entry("ug", new Scale("mass", 1e-6)),
      Map.entry("ng", new Scale("mass", 1e-9)),
      Map.entry("m", new Scale("length", 1)), Map.entry("cm", new Scale("length", 1e-2)),
      Map.entry("mm", new Scale("length", 1e-3)), Map.entry("[in_i]", new Scale("length", 0.0254)),
      Map.entry("L", new Scale("volume", 1)), Map.entry("dL", new Scale("volume", 0.1)),
      Map.entry("mL", new Scale("volume", 1e-3)), Map.entry("uL", new Scale("volume", 1e-6)),
      Map.entry("s", new Scale("time", 1)), Map.entry("min", new Scale("time", 60)),
      Map.entry("h", new Scale("time", 3600)), Map.entry("d", new Scale("time", 86400)),
      Map.entry("wk", new Scale("time", 604800)), Map.entry("mo", new Scale("time", 2629800)),
      Map.entry("a", new Scale("time", 31557600)),
      Map.entry("g/L", new Scale("mass/volume", 1)), Map.entry("g/dL", new Scale("mass/volume", 10)),
      Map.entry("mg/dL", new Scale("mass/volume", 1e-2)), Map.entry("mg/L", new Scale("mass/volume", 1e-3)),
      Map.entry("ug/L", new Scale("mass/volume", 1e-6)), Map.entry("ng/mL", new Scale("mass/volume", 1e-6)),
      Map.entry("ug/dL", new Scale("mass/volume", 1e-5)), Map.entry("mg/mL", new Scale("mass/volume", 1)),
      Map.entry("mol/L", new Scale("substance/volume", 1)), Map.entry("mmol/L", new Scale("substance/volume", 1e-3)),
      Map.entry("umol/L", new Scale("substance/volume", 1e-6)), Map.entry("nmol/L", new Scale("substance/volume", 1e-9)),
      Map.entry("10*3/uL", new Scale("count/volume", 1e9)), Map.entry("10*9/L", new Scale("count/volume", 1e9)),
      Map.entry("10*6/uL", new Scale("count/volume", 1e12)), Map.entry("10*12/L", new Scale("count/volume", 1e12)),
      Map.entry("/uL", new Scale("count/volume", 1e6)), Map.entry("/nL", new Scale("count/volume", 1e9)),
      Map.entry("mm[Hg]", new Scale("pressure", 133.322)), Map.entry("kPa", new Scale("pressure", 1000)),
      Map.entry("Pa", new Scale("pressure", 1)), Map.entry("cm[H2O]", new Scale("pressure", 98.0665)),
      Map.entry("%", new Scale("fraction", 1e-2)), Map.entry("1", new Scale("fraction", 1)));

  private Units() {}

  /** The value in unit {@code from} expressed in unit {@code to}, or empty when not convertible. */
  public static OptionalDouble convert(double value, String from, String to) {
    if (from == null || to == null) {
      return OptionalDouble.empty();
    }
    String f = ALIASES.getOrDefault(from, from);
    String t = ALIASES.getOrDefault(to, to);
    if (f.equals(t)) {
      return OptionalDouble.of(value);
    }
    if (isTemperature(f) && isTemperature(t)) {
      return OptionalDouble.of(fromKelvin(toKelvin(value, f), t));
    }
    Scale a = SCALES.get(f);
    Scale b = SCALES.get(t);
    if (a == null || b == null || !a.dimension.equals(b.dimension)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value * a.factor / b.factor);
  }

  private static boolean isTemperature(String unit) {
    return unit.equals("Cel") || unit.equals("K") || unit.equals("[degF]");
  }

  private static double toKelvin(double v, String unit) {
    return switch (unit) {
      case "Cel" -> v + 273.15;
      case "[degF]" -> (v - 32) * 5 / 9 + 273.15;
      default -> v;
    };
  }

  private static double fromKelvin(double k, String unit) {
    return switch (unit) {
      case "Cel" -> k - 273.15;
      case "[degF]" -> (k - 273.15) * 9 / 5 + 32;
      default -> k;
    };
  }
}
