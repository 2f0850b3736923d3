package org.datenraum.query.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.Pair;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * Conversion between UCUM units (The Unified Code for Units of Measure, through the UCUM
 * library {@code org.fhir:ucum}): any two commensurable units convert; the temperature scales
 * kelvin, Celsius, Fahrenheit and Réaumur with their offsets, which the library leaves out. Annotations ({@code {score}}) count: units whose annotations differ do not convert. A
 * few common non-UCUM spellings ({@code mmHg}, {@code °C}, {@code ml}) are read as their UCUM
 * codes. The conversion of each pair of units is worked out once and kept; thread-safe.
 */
public final class Units {

  private static final Map<String, String> ALIASES = Map.of(
      "mmHg", "mm[Hg]", "°C", "Cel", "degC", "Cel", "l", "L", "dl", "dL", "ml", "mL", "µL", "uL",
      "µg", "ug", "/min", "{beats}/min");
  /**
   * Temperature scales with an offset, which the UCUM library does not convert: kelvin =
   * value * scale + zero (UCUM: {@code Cel} = cel(1 K), {@code [degF]} = degf(5 K/9),
   * {@code [degRe]} = degre(5 K/4)).
   */
  private static final Map<String, Affine> KELVIN = Map.of("K", new Affine(1, 0),
      "Cel", new Affine(1, 273.15), "[degF]", new Affine(5.0 / 9, 459.67 * 5 / 9),
      "[degRe]", new Affine(1.25, 273.15));
  private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");
  private static final UcumEssenceService UCUM = load();
  /** Per pair of units: the affine map between them, or the problem why there is none. */
  private static final Map<String, Object> PAIRS = new ConcurrentHashMap<>();

  /** {@code to = from * factor + offset}. */
  private record Affine(double factor, double offset) {}

  private Units() {}

  /** The value in unit {@code from} expressed in unit {@code to}, or empty when not convertible. */
  public static OptionalDouble convert(double value, String from, String to) {
    if (from == null || to == null) {
      return OptionalDouble.empty();
    }
    if (from.equals(to) || ucum(from).equals(ucum(to))) {
      return OptionalDouble.of(value);
    }
    Object pair = pair(from, to);
    return pair instanceof Affine a ? OptionalDouble.of(value * a.factor() + a.offset())
        : OptionalDouble.empty();
  }

  /** Why a unit is no UCUM unit, or null when it is one. */
  public static Problem unknown(String unit) {
    return unknown(unit, null);
  }

  /** As {@link #unknown(String)}, naming where the unit was given (a JSON path) when not null. */
  public static Problem unknown(String unit, String where) {
    String problem = UCUM.validate(ucum(unit));
    return problem == null ? null : Problem.invalid("DR-2040", "Unit `" + unit + "`"
        + (where == null ? "" : " at " + where) + " is no UCUM unit (" + problem
        + "): write it in UCUM, e.g. `mg/dL`, `mmol/L`, `Cel`.");
  }

  /** Why {@code from} does not convert to {@code to}, or null when it does. */
  public static Problem inconvertible(String from, String to) {
    if (from == null || to == null) {
      return Problem.invalid("DR-2041", "A quantity without a unit does not convert to `"
          + (from == null ? to : from) + "`: give the unit of both.");
    }
    return !from.equals(to) && pair(from, to) instanceof Problem p ? p : null;
  }

  private static Object pair(String from, String to) {
    return PAIRS.computeIfAbsent(from + '\u0000' + to, k -> affine(from, to));
  }

  private static Object affine(String from, String to) {
    String f = ucum(from);
    String t = ucum(to);
    Problem unknown = unknown(from);
    if (unknown == null) {
      unknown = unknown(to);
    }
    if (unknown != null) {
      return unknown;
    }
    Affine fromKelvin = KELVIN.get(f);
    Affine toKelvin = KELVIN.get(t);
    if (fromKelvin != null && toKelvin != null) {
      return new Affine(fromKelvin.factor() / toKelvin.factor(),
          (fromKelvin.offset() - toKelvin.offset()) / toKelvin.factor());
    }
    try {
      Pair a = UCUM.getCanonicalForm(new Pair(new Decimal(1), f));
      Pair b = UCUM.getCanonicalForm(new Pair(new Decimal(1), t));
      if (!annotations(f).equals(annotations(t)) || !a.getCode().equals(b.getCode())) {
        return incommensurable(from, to);
      }
      return new Affine(number(a.getValue()) / number(b.getValue()), 0);
    } catch (UcumException | RuntimeException e) {
      return incommensurable(from, to);
    }
  }

  /** A UCUM decimal as a double (canonical forms are exact: definitions are multiplied out). */
  private static double number(Decimal d) {
    return Double.parseDouble(d.asDecimal());
  }

  private static Problem incommensurable(String from, String to) {
    return Problem.invalid("DR-2041", "Unit `" + from + "` does not convert to `" + to
        + "`: they measure different kinds of quantity (a mass and a substance concentration"
        + " need the molar mass); compare values in commensurable units.");
  }

  private static String ucum(String unit) {
    return ALIASES.getOrDefault(unit, unit);
  }

  private static List<String> annotations(String unit) {
    List<String> out = new ArrayList<>();
    Matcher m = ANNOTATION.matcher(unit);
    while (m.find()) {
      out.add(m.group());
    }
    out.sort(null);
    return out;
  }

  private static UcumEssenceService load() {
    try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      return new UcumEssenceService(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the UCUM definitions could not be read", e);
    } catch (UcumException e) {
      throw new IllegalStateException("the UCUM definitions do not load", e);
    }
  }
}
