package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A pathogen finding definition: a positive result of one of the listed LOINC tests. Immutable.
 *
 * @param id short name used in files and reports, for example {@code NOROVIRUS}
 * @param label human-readable name
 * @param loinc LOINC codes of the tests that detect the pathogen
 */
public record PathogenDefinition(String id, String label, Set<String> loinc) {

  /** Coded results that mean "detected": SNOMED CT Positive, Present, Detected. */
  public static final Set<String> POSITIVE_VALUES = Set.of(
      "http://snomed.info/sct|10828004", "http://snomed.info/sct|52101004",
      "http://snomed.info/sct|260373001");

  /** Interpretation codes (HL7 v3 ObservationInterpretation) that mean "detected". */
  public static final Set<String> POSITIVE_INTERPRETATIONS = Set.of("POS", "DET");

  public PathogenDefinition {
    requireNonNull(id, "id");
    requireNonNull(label, "label");
    loinc = Set.copyOf(loinc);
    if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("`" + id + "` is not a valid pathogen id (letters,"
          + " digits, _ and -)");
    }
    if (loinc.isEmpty()) {
      throw new IllegalArgumentException("pathogen `" + id + "` lists no LOINC code");
    }
  }

  /** Whether the result is a test for this pathogen. */
  public boolean tests(LabResult result) {
    return loinc.contains(result.loinc());
  }

  /**
   * Whether the result is a finding of this pathogen: a test for it with a positive coded value,
   * or, without a coded value, a positive interpretation.
   */
  public boolean detects(LabResult result) {
    if (!tests(result)) {
      return false;
    }
    if (!result.value().isEmpty()) {
      return POSITIVE_VALUES.contains(result.value());
    }
    return result.interpretations().stream().anyMatch(POSITIVE_INTERPRETATIONS::contains);
  }
}
