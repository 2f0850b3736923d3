package org.datenraum.registry.icu;

import java.util.HashMap;
import java.util.Map;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;

/**
 * An observation the indicators read, by its LOINC (or SNOMED CT) codes, with the UCUM unit its
 * values are normalised to and whether a higher value is worse (SOFA takes each window's worst).
 */
public enum Measure {
  MEAN_ARTERIAL_PRESSURE("mm[Hg]", false, "8478-0"),
  GCS("{score}", false, "9269-2"),
  PLATELETS("10*3/uL", false, "777-3", "26515-7"),
  BILIRUBIN("mg/dL", true, "1975-2"),
  CREATININE("mg/dL", true, "2160-0"),
  URINE_OUTPUT("mL", false, "9187-6"),
  PAO2("mm[Hg]", false, "2703-7"),
  FIO2("1", true, "19994-3", "71835-3"),
  PF_RATIO("mm[Hg]", false, "50984-4"),
  TIDAL_VOLUME_DELIVERED("mL", true, "76222-9"),
  TIDAL_VOLUME_SET("mL", true, "20112-9"),
  PLATEAU_PRESSURE("cm[H2O]", true, "20060-0"),
  PEEP("cm[H2O]", true, "76248-4"),
  RASS("{score}", false),
  HEIGHT("cm", true, "8302-2"),
  WEIGHT("kg", true, "29463-7");

  /** SNOMED CT 1345050000, Richmond Agitation Sedation Scale score (observable entity). */
  public static final Coding RASS_SNOMED = new Coding(CodeSystems.SNOMED, "1345050000");

  private static final Map<Coding, Measure> BY_CODE = new HashMap<>();

  static {
    for (Measure m : values()) {
      for (String loinc : m.loinc) {
        BY_CODE.put(new Coding(CodeSystems.LOINC, loinc), m);
      }
    }
    BY_CODE.put(RASS_SNOMED, RASS);
  }

  private final String unit;
  private final boolean higherIsWorse;
  private final String[] loinc;

  Measure(String unit, boolean higherIsWorse, String... loinc) {
    this.unit = unit;
    this.higherIsWorse = higherIsWorse;
    this.loinc = loinc;
  }

  /** The UCUM unit values are normalised to. */
  public String unit() {
    return unit;
  }

  /** Whether a higher value is the worse one (bilirubin), else a lower one (platelets). */
  public boolean higherIsWorse() {
    return higherIsWorse;
  }

  /** The measure a code names, or null. */
  public static Measure of(Coding code) {
    return BY_CODE.get(code);
  }

  /** Every code the indicators read as a measure. */
  public static java.util.Set<Coding> codes() {
    return java.util.Set.copyOf(BY_CODE.keySet());
  }
}
