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
  /** The label's ASCII bytes and a zero byte, as a keyed pseudonym's input starts. */
  private final byte[] start;

  PseudonymDomain(String label) {
    this.label = label;
    byte[] ascii = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    this.start = java.util.Arrays.copyOf(ascii, ascii.length + 1);
  }

  String label() {
    return label;
  }

  /** The label's bytes and a zero byte; the caller must not modify them. */
  byte[] start() {
    return start;
  }
}
