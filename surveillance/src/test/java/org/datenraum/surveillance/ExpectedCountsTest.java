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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The expected counts (fitted means) of farringtonFlexible against R's per-week details. */
class ExpectedCountsTest {

  static Stream<String> detailFiles() throws IOException {
    try (Stream<Path> files = Files.list(ReferenceFiles.root().resolve("details"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("detailFiles")
  void expectedMatchesR(String file) throws IOException {
    String dataSet = file.substring(0, file.indexOf("__"));
    String config = file.substring(file.indexOf("__") + 2, file.length() - 4);
    List<String> lines = Files.readAllLines(ReferenceFiles.root().resolve("details").resolve(file));
    Map<Integer, Double> expected = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",", -1);
      expected.put(Integer.parseInt(f[1]), f[8].equals("NA") ? Double.NaN : Double.parseDouble(f[8]));
    }
    int from = expected.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int to = expected.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    Map<String, String> settings = new HashMap<>(ReferenceConfigs.settings(config, dataSet));
    settings.put("range", from + ":" + to);
    Detector detector = Detectors.fromSettings("farrington-flexible", settings).value();
    List<String> mismatches = new ArrayList<>();
    for (CountSeries series : ReferenceFiles.inputs(dataSet)) {
      for (WeekResult week : detector.detect(series).value().weeks()) {
        double r = expected.get(week.epoch());
        double j = week.expected();
        boolean same = Double.isNaN(r) ? Double.isNaN(j) : Math.abs(j - r) <= 1e-6 * Math.abs(r);
        if (!same) {
          mismatches.add("epoch " + week.epoch() + ": R " + r + ", Java " + j);
        }
      }
    }
    assertThat(mismatches).as(file).isEmpty();
  }
}
