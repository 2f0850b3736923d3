package org.datenraum.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output file of R's surveillance 1.20.3 in the shared test data, recomputed: upper bounds
 * within a relative 1e-6, alarms and missing values exactly.
 */
class ReferenceOutputsTest {

  static Stream<String> outputFiles() throws IOException {
    try (Stream<Path> files = Files.list(ReferenceFiles.root().resolve("outputs"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted()
          .toList().stream();
    }
  }

  @Test
  void everyOutputFileHasAKnownConfiguration() throws IOException {
    assertThat(outputFiles().toList()).hasSizeGreaterThanOrEqualTo(22)
        .allSatisfy(file -> assertThat(ReferenceConfigs.settings(config(file), dataSet(file)))
            .isNotNull());
  }

  @ParameterizedTest
  @MethodSource("outputFiles")
  void matchesR(String file) {
    String dataSet = dataSet(file);
    String config = config(file);
    List<ReferenceFiles.Row> expected = ReferenceFiles.output(file);
    int from = expected.stream().mapToInt(ReferenceFiles.Row::epoch).min().orElseThrow();
    int to = expected.stream().mapToInt(ReferenceFiles.Row::epoch).max().orElseThrow();
    Map<String, String> settings = new HashMap<>(ReferenceConfigs.settings(config, dataSet));
    settings.put("range", from + ":" + to);
    Detector detector =
        Detectors.fromSettings(ReferenceConfigs.method(config), settings).value();
    List<String> mismatches = new ArrayList<>();
    for (CountSeries series : ReferenceFiles.inputs(dataSet)) {
      List<WeekResult> weeks = detector.detect(series).value().weeks();
      List<ReferenceFiles.Row> rows =
          expected.stream().filter(r -> r.series().equals(series.name())).toList();
      assertThat(weeks).hasSameSizeAs(rows);
      for (int i = 0; i < rows.size(); i++) {
        String problem = compare(rows.get(i), weeks.get(i));
        if (problem != null) {
          mismatches.add(series.name() + " epoch " + rows.get(i).epoch() + ": " + problem);
        }
      }
    }
    assertThat(mismatches).as(file).isEmpty();
  }

  private static String compare(ReferenceFiles.Row r, WeekResult w) {
    if (r.epoch() != w.epoch()) {
      return "epoch " + w.epoch();
    }
    boolean naR = Double.isNaN(r.upperBound());
    boolean naJ = Double.isNaN(w.upperBound());
    if (naR != naJ) {
      return "upper bound R " + r.upperBound() + " Java " + w.upperBound();
    }
    if (!naR) {
      double rel = Math.abs(w.upperBound() - r.upperBound())
          / Math.max(Math.abs(r.upperBound()), 1e-300);
      if (r.upperBound() == 0 ? w.upperBound() != 0 : rel > 1e-6) {
        return "upper bound R " + r.upperBound() + " Java " + w.upperBound() + " rel " + rel;
      }
    }
    if (r.alarm() != w.alarm()) {
      return "alarm R " + r.alarm() + " Java " + w.alarm() + " (observed " + r.observed()
          + ", bound " + r.upperBound() + ")";
    }
    return null;
  }

  private static String dataSet(String file) {
    return file.substring(0, file.indexOf("__"));
  }

  private static String config(String file) {
    return file.substring(file.indexOf("__") + 2, file.length() - ".csv".length());
  }
}
