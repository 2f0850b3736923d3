package org.datenraum.store.duckdb.feasibility;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;

/** Reads the {@code attributes} column of the fact table: lines {@code path=system|code}. */
final class AttributeLines {

  /** The coding system of reference attributes; the code is {@code Type/pseudonymised id}. */
  static final String REFERENCE_SYSTEM = "urn:datenraum:reference";

  private AttributeLines() {}

  static List<Attribute> parse(String column) {
    List<Attribute> out = new ArrayList<>();
    if (column == null) {
      return out;
    }
    for (String line : column.split("\n")) {
      out.add(parseLine(line));
    }
    return out;
  }

  /** One line; an extension key {@code extension(url)} may itself contain {@code =}. */
  static Attribute parseLine(String line) {
    int eq = line.startsWith("extension(") ? line.indexOf(")=") + 1 : line.indexOf('=');
    return new Attribute(line.substring(0, eq), Coding.parse(line.substring(eq + 1)));
  }

  /** An attribute name matches the element path that ends with it: {@code route} matches {@code dosage.route}. */
  static boolean keyMatches(String path, String name) {
    return path.equals(name)
        || (path.endsWith(name) && path.length() > name.length()
            && path.charAt(path.length() - name.length() - 1) == '.');
  }
}
