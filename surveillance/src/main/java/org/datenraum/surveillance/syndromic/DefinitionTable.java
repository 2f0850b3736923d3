package org.datenraum.surveillance.syndromic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Problem;

/** Tab-separated definition tables: {@code #} starts a comment line, {@code -} is an empty cell. */
final class DefinitionTable {

  /** One data row with its 1-based line number. */
  record Row(int line, List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }
  }

  private DefinitionTable() {}

  static String resource(String name) {
    try (InputStream in = DefinitionTable.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data rows; a row with another number of cells than {@code columns} is a problem. */
  static List<Row> rows(String text, String source, int columns, List<Problem> problems) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::trim).toList();
      if (cells.size() != columns) {
        problems.add(Problem.invalid("DR-6301", "`" + source + "` line " + (i + 1) + " has "
            + cells.size() + " tab-separated columns, expected " + columns
            + ": see the header comment of the built-in file."));
        continue;
      }
      rows.add(new Row(i + 1, cells));
    }
    return rows;
  }

  /** A comma-separated list cell; {@code -} or empty gives an empty list. */
  static List<String> list(String cell) {
    if (cell.isEmpty() || cell.equals("-")) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : cell.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return List.copyOf(out);
  }
}
