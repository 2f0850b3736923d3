package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutbreakIT {

  @TempDir Path tmp;

  @Test
  void plantedNorovirusOutbreakStandsOutInDailyCounts() throws IOException {
    GeneratedSite site = GeneratedSite.generate(tmp, 3000, 99, "Klinikum Nord", 1,
        List.of(OutbreakSpec.parse("norovirus@2024-02-01:14d:+40").value()), 2);
    assertThat(site.summary.patients()).isEqualTo(3040);
    Map<LocalDate, Integer> daily = new TreeMap<>();
    site.each("Condition", c -> {
      if (c.get("code").get("coding").get(0).get("code").asText().equals("A08.1")
          && c.get("encounter") != null) {
        daily.merge(LocalDate.parse(c.get("recordedDate").asText()), 1, Integer::sum);
      }
    });
    LocalDate from = LocalDate.of(2024, 2, 1);
    LocalDate to = from.plusDays(14);
    int inside = 0;
    int before = 0;
    for (Map.Entry<LocalDate, Integer> d : daily.entrySet()) {
      if (!d.getKey().isBefore(from) && d.getKey().isBefore(to)) {
        inside += d.getValue();
      } else if (d.getKey().isBefore(from) && !d.getKey().isBefore(from.minusDays(28))) {
        before += d.getValue();
      }
    }
    assertThat(inside / 14.0).as("outbreak daily mean").isGreaterThan(2.5);
    assertThat(before / 28.0).as("baseline daily mean").isLessThan(1.0);
  }
}
