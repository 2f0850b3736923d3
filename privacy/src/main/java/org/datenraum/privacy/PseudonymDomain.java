package org.datenraum.privacy;

/**
 * A purpose for which pseudonyms are made. The same input gives unrelated pseudonyms in different
 * domains, so a patient pseudonym cannot be linked to an encounter pseudonym by its value.
 */
public enum PseudonymDomain {
  PATIENT("patient"),
  ENCOUNTER("encounter"),
  RESOURCE("resource"),
  IDENTIFIER("identifier");

  private final String label;

  PseudonymDomain(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
