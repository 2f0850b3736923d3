package org.datenraum.core;

/** Administrative gender as FHIR codes it. */
public enum Sex {
  MALE("male"),
  FEMALE("female"),
  OTHER("other"),
  UNKNOWN("unknown");

  private final String code;

  Sex(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The sex for a FHIR administrative-gender code; unknown for null or anything else. */
  public static Sex ofCode(String code) {
    if (code != null) {
      for (Sex s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
