package org.datenraum.surveillance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shared reference inputs and outputs of R's surveillance package. */
final class ReferenceFiles {

  /** One row of an output file. */
  record Row(String series, int epoch, double observed, double upperBound, Alarm alarm) {}

  private ReferenceFiles() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("shared"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no shared/ directory above the working directory");
    }
    return dir.resolve("shared").resolve("testdata").resolve("surveillance");
  }

  static List<CountSeries> inputs(String dataSet) {
    Path dir = root().resolve("inputs");
    Map<String, String> meta = meta(dir.resolve(dataSet + ".meta.txt"));
    int frequency = Integer.parseInt(meta.getOrDefault("freq", "52"));
    Map<String, List<String[]>> bySeries = new LinkedHashMap<>();
    for (String[] f : rows(dir.resolve(dataSet + ".csv"))) {
      bySeries.computeIfAbsent(f[0], s -> new ArrayList<>()).add(f);
    }
    List<CountSeries> out = new ArrayList<>();
    bySeries.forEach((name, rows) -> {
      double[] observed = new double[rows.size()];
      double[] population = new double[rows.size()];
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String[] f = rows.get(i);
        observed[i] = number(f[5]);
        population[i] = number(f[6]);
        if (!f[2].equals("NA")) {
          dates.add(LocalDate.parse(f[2]));
        }
      }
      out.add(new CountSeries(name, frequency, observed, population, dates));
    });
    return out;
  }

  static List<Row> output(String file) {
    List<Row> out = new ArrayList<>();
    for (String[] f : rows(root().resolve("outputs").resolve(file))) {
      Alarm alarm = switch (f[7]) {
        case "TRUE" -> Alarm.RAISED;
        case "FALSE" -> Alarm.NONE;
        default -> Alarm.UNDETERMINED;
      };
      out.add(new Row(f[0], Integer.parseInt(f[1]), number(f[5]), number(f[6]), alarm));
    }
    return out;
  }

  private static double number(String s) {
    return s.equals("NA") || s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
  }

  private static List<String[]> rows(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String[]> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          out.add(line.replace("\"", "").split(",", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> meta(Path file) {
    Map<String, String> meta = new LinkedHashMap<>();
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            meta.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return meta;
  }
}
