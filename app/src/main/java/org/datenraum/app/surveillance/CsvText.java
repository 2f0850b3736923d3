package org.datenraum.app.surveillance;

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
final class CsvText {

  private CsvText() {}

  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
