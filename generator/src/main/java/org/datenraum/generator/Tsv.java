package org.datenraum.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated vocabulary files shipped with the generator. */
final class Tsv {

  private Tsv() {}

  /** The rows of a resource file under {@code vocab/}, without comment lines ({@code #}). */
  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(name)) {
      rows.add(line.split("\t", -1));
    }
    return rows;
  }

  static List<String> lines(String name) {
    String path = "vocab/" + name;
    try (InputStream in = Tsv.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("vocabulary file missing from the jar: " + path);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(String[] row, int from, int to) {
    double[] d = new double[to - from];
    for (int i = from; i < to; i++) {
      d[i - from] = Double.parseDouble(row[i]);
    }
    return d;
  }
}
