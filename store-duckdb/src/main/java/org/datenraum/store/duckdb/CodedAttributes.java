package org.datenraum.store.duckdb;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Codes read from a fact's attribute lines ({@code key=system|code}). Stateless. */
final class CodedAttributes {

  private CodedAttributes() {}

  /** CEDIS codes of the {@code reasonCode} attributes (any code system whose URL names CEDIS). */
  static Set<String> complaints(String attributes) {
    Set<String> out = new HashSet<>();
    if (attributes == null) {
      return out;
    }
    for (String line : attributes.split("\n")) {
      if (!line.startsWith("reasonCode=")) {
        continue;
      }
      String coding = line.substring("reasonCode=".length());
      int bar = coding.lastIndexOf('|');
      if (bar > 0 && coding.substring(0, bar).toLowerCase(Locale.ROOT).contains("cedis")) {
        out.add(coding.substring(bar + 1));
      }
    }
    return out;
  }

  /** Codes (after the last {@code |}) of the attributes with this key. */
  static Set<String> codes(String attributes, String key) {
    Set<String> out = new HashSet<>();
    if (attributes == null) {
      return out;
    }
    for (String line : attributes.split("\n")) {
      if (line.startsWith(key + "=")) {
        out.add(line.substring(line.lastIndexOf('|') + 1));
      }
    }
    return out;
  }
}
