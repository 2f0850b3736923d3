package org.datenraum.registry.icu;

import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;

/**
 * The ventilation status of an hour, in ascending priority: when several ventilation
 * Procedures cover an hour the highest counts (invasive > non-invasive > high-flow > oxygen).
 */
public enum VentilationStatus {
  NONE,
  OXYGEN,
  HIGH_FLOW,
  NON_INVASIVE,
  INVASIVE;

  /**
   * The status a ventilation Procedure's code names: SNOMED CT 428311008 non-invasive,
   * 426854004 high-flow nasal oxygen, 57485005 and 371907003 oxygen therapy, any other code
   * invasive.
   */
  public static VentilationStatus ofCode(Coding code) {
    if (code.system().equals(CodeSystems.SNOMED)) {
      switch (code.code()) {
        case "428311008" -> {
          return NON_INVASIVE;
        }
        case "426854004" -> {
          return HIGH_FLOW;
        }
        case "57485005", "371907003" -> {
          return OXYGEN;
        }
        default -> { }
      }
    }
    return INVASIVE;
  }

  /** Whether the hour counts as under ventilation for SOFA respiration scores 3 and 4. */
  public boolean ventilated() {
    return this == INVASIVE || this == NON_INVASIVE;
  }
}
