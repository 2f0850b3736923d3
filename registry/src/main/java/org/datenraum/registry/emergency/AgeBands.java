package org.datenraum.registry.emergency;

import java.util.List;

/** Age bands of the report: under 15, then ten years each, 85 and older. Stateless. */
final class AgeBands {

  static final List<String> LABELS = List.of("0–14", "15–24", "25–34", "35–44", "45–54", "55–64",
      "65–74", "75–84", "85+");

  private AgeBands() {}

  /** The band of an age in completed years, or null when the age is unknown. */
  static String of(Integer age) {
    if (age == null) {
      return null;
    }
    if (age < 15) {
      return LABELS.get(0);
    }
    return LABELS.get(Math.min(8, (age - 5) / 10));
  }
}
