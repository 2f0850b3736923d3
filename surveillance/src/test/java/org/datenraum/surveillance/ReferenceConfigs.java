package org.datenraum.surveillance;

import java.util.Map;

/** The configurations of {@code shared/testdata/surveillance/CONFIGS.md} as control settings. */
final class ReferenceConfigs {

  private ReferenceConfigs() {}

  static String method(String config) {
    if (config.startsWith("FF_")) {
      return "farrington-flexible";
    }
    if (config.equals("farrington1996")) {
      return "farrington";
    }
    return "ears-" + config.substring("EARS_".length()).toLowerCase(java.util.Locale.ROOT);
  }

  /** The controls of a configuration; b is 2 for measlesDE as CONFIGS.md says. */
  static Map<String, String> settings(String config, String dataSet) {
    String bDefault = dataSet.equals("measlesDE") ? "2" : "5";
    String bVignette = dataSet.equals("measlesDE") ? "2" : "4";
    Map<String, String> farrington = Map.of("noPeriods", "1", "b", bVignette, "w", "3",
        "weightsThreshold", "1", "pastWeeksNotIncluded", "3", "pThresholdTrend", "0.05",
        "thresholdMethod", "delta");
    Map<String, String> noufaily = Map.of("noPeriods", "10", "b", bVignette, "w", "3",
        "weightsThreshold", "2.58", "pastWeeksNotIncluded", "26", "pThresholdTrend", "1",
        "thresholdMethod", "nbPlugin");
    return switch (config) {
      case "FF_default" -> Map.of("b", bDefault);
      case "FF_default_nolimit" -> Map.of("b", bDefault, "limit54", "0,50");
      case "FF_default_popOffset" -> Map.of("b", bDefault, "populationOffset", "TRUE");
      case "FF_farrington" -> farrington;
      case "FF_farrington_nolimit" -> with(farrington, "limit54", "0,50");
      case "FF_noufaily" -> noufaily;
      case "FF_noufaily_muan" -> with(noufaily, "thresholdMethod", "muan");
      case "FF_noufaily_nolimit" -> with(with(noufaily, "alpha", "0.05"), "limit54", "0,50");
      case "farrington1996" -> Map.of("b", bDefault, "w", "3", "alpha", "0.05");
      case "EARS_C1", "EARS_C2", "EARS_C3" -> Map.of("baseline", "7", "minSigma", "0");
      default -> null;
    };
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    java.util.HashMap<String, String> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return Map.copyOf(copy);
  }
}
