package org.datenraum.surveillance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/** Turns a method name and {@code name=value} controls into a detector. */
final class ControlSettings {

  private static final Map<String, List<String>> NAMES = Map.of(
      "farrington-flexible", List.of("range", "b", "w", "reweight", "weightsThreshold", "alpha",
          "trend", "pThresholdTrend", "limit54", "powertrans", "noPeriods",
          "pastWeeksNotIncluded", "thresholdMethod", "populationOffset"),
      "farrington", List.of("range", "b", "w", "reweight", "alpha", "trend", "limit54",
          "powertrans"),
      "ears", List.of("range", "baseline", "minSigma", "alpha"),
      "cusum", List.of("range", "k", "h", "m", "trans", "alpha"));

  private final Map<String, String> settings;

  private ControlSettings(Map<String, String> settings) {
    this.settings = settings;
  }

  static Result<Detector> parse(String method, Map<String, String> settings) {
    String family = method.startsWith("ears-") ? "ears" : method;
    List<String> known = NAMES.get(family);
    if (known == null || !Detectors.METHODS.contains(method)) {
      return Result.fail(Problem.invalid("DR-6001", "Unknown method `" + method
          + "`: use one of " + String.join(", ", Detectors.METHODS) + "."));
    }
    Set<String> unknown = new HashSet<>(settings.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      return Result.fail(Problem.invalid("DR-6002", "Unknown control `"
          + unknown.iterator().next() + "` for method " + method + ": the controls are "
          + String.join(", ", known) + "."));
    }
    ControlSettings c = new ControlSettings(settings);
    try {
      return Result.ok(switch (family) {
        case "farrington-flexible" -> Detectors.farringtonFlexible(c.flexible());
        case "farrington" -> Detectors.farrington(c.original());
        case "ears" -> Detectors.earsC(c.ears(EarsMethod.valueOf(
            method.substring(5).toUpperCase(java.util.Locale.ROOT))));
        default -> Detectors.cusum(c.cusum());
      });
    } catch (IllegalArgumentException e) {
      return Result.fail(Problem.invalid("DR-6003", "Invalid controls for " + method + ": "
          + e.getMessage() + "."));
    }
  }

  private FarringtonFlexibleControl flexible() {
    FarringtonFlexibleControl d = FarringtonFlexibleControl.defaults();
    int w = integer("w", d.windows().w());
    ReferenceWindows windows = new ReferenceWindows(integer("b", d.windows().b()), w,
        integer("noPeriods", 1),
        settings.containsKey("pastWeeksNotIncluded")
            ? OptionalInt.of(integer("pastWeeksNotIncluded", w)) : OptionalInt.empty());
    GlmOptions glm = new GlmOptions(bool("trend", true), number("pThresholdTrend", 0.05),
        bool("populationOffset", false), bool("reweight", true),
        number("weightsThreshold", 2.58));
    return new FarringtonFlexibleControl(range(), windows, glm, threshold(), limit54());
  }

  private FarringtonControl original() {
    return new FarringtonControl(range(), integer("b", 5), integer("w", 3),
        bool("reweight", true), bool("trend", true), threshold(), limit54());
  }

  private EarsControl ears(EarsMethod method) {
    return new EarsControl(range(), method, integer("baseline", 7), number("minSigma", 0),
        number("alpha", method.defaultAlpha()));
  }

  private CusumControl cusum() {
    CusumControl d = CusumControl.defaults();
    OptionalDouble m = settings.containsKey("m")
        ? OptionalDouble.of(number("m", Double.NaN)) : OptionalDouble.empty();
    return new CusumControl(range(), number("k", d.k()), number("h", d.h()), m,
        choice("trans", CusumTransform.values(), d.trans(), CusumTransform::rName),
        number("alpha", d.alpha()));
  }

  private Threshold threshold() {
    return new Threshold(
        choice("thresholdMethod", ThresholdMethod.values(), ThresholdMethod.DELTA,
            ThresholdMethod::rName),
        number("alpha", 0.05),
        choice("powertrans", PowerTransform.values(), PowerTransform.TWO_THIRDS,
            PowerTransform::rName));
  }

  private LowCountRule limit54() {
    String value = settings.get("limit54");
    if (value == null) {
      return new LowCountRule(5, 4);
    }
    String[] parts = stripVector(value).split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("`limit54=" + value + "` must be two integers such as"
          + " `limit54=5,4`");
    }
    return new LowCountRule(parseInt("limit54", parts[0]), parseInt("limit54", parts[1]));
  }

  private Optional<EpochRange> range() {
    String value = settings.get("range");
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("`range=" + value + "` must be FROM:TO such as"
          + " `range=261:312` (1-based epochs)");
    }
    return Optional.of(new EpochRange(parseInt("range", parts[0]), parseInt("range", parts[1])));
  }

  private int integer(String name, int fallback) {
    String value = settings.get(name);
    return value == null ? fallback : parseInt(name, value);
  }

  private double number(String name, double fallback) {
    String value = settings.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + name + "=" + value + "` is not a number");
    }
  }

  private boolean bool(String name, boolean fallback) {
    String value = settings.get(name);
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t" -> true;
      case "false", "f" -> false;
      default -> throw new IllegalArgumentException("`" + name + "=" + value
          + "` must be TRUE or FALSE");
    };
  }

  private <E> E choice(String name, E[] values, E fallback,
      java.util.function.Function<E, String> rName) {
    String value = settings.get(name);
    if (value == null) {
      return fallback;
    }
    String wanted = value.trim().replace("\"", "");
    for (E e : values) {
      if (rName.apply(e).equals(wanted)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : values) {
      names.append(names.length() == 0 ? "" : ", ").append(rName.apply(e));
    }
    throw new IllegalArgumentException("`" + name + "=" + value + "` must be one of " + names);
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`" + name + "` needs an integer, not `" + value.trim()
          + "`");
    }
  }

  private static String stripVector(String value) {
    String v = value.trim();
    if (v.startsWith("c(") && v.endsWith(")")) {
      v = v.substring(2, v.length() - 1);
    }
    return v;
  }
}
