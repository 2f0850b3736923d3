package org.datenraum.app.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.datenraum.federation.v1.Shown;
import org.junit.jupiter.api.Test;

class StrataTableTest {

  @Test
  void tablesOverTheSameCellsPrintAsOneTableWithHiddenCellsAsTheirText() {
    Map<String, Shown> patients = new LinkedHashMap<>();
    patients.put("119364003", Shown.number(40));
    patients.put("119361006", Shown.number(20));
    patients.put("other", Shown.hidden("< 20"));
    Map<String, Shown> specimens = new LinkedHashMap<>();
    specimens.put("119364003", Shown.number(70));
    specimens.put("119361006", Shown.number(25));
    specimens.put("other", Shown.hidden("< 20"));
    Map<String, Map<String, Shown>> strata = new LinkedHashMap<>();
    strata.put("patients", patients);
    strata.put("specimens", specimens);
    StringWriter text = new StringWriter();

    assertThat(StrataTable.fits(strata)).isTrue();
    StrataTable.print(strata, new PrintWriter(text, true));

    assertThat(text.toString().lines().map(String::strip).toList()).containsExactly(
        "patients    specimens",
        "119364003                      40           70  " + "#".repeat(30),
        "119361006                      20           25  " + "#".repeat(15),
        "other                        < 20         < 20");
  }

  @Test
  void barsAreScaledToTheLargestShownNumberAndNeverVanishForASmallOne() {
    assertThat(StrataTable.bar(1L, 1000)).isEqualTo("#");
    assertThat(StrataTable.bar(500L, 1000)).hasSize(15);
    assertThat(StrataTable.bar(0L, 1000)).isEmpty();
    assertThat(StrataTable.bar(null, 1000)).isEmpty();
  }

  @Test
  void aSingleTableOrTablesOverOtherCellsDoNotFit() {
    assertThat(StrataTable.fits(Map.of("sex", Map.of("female", Shown.number(10))))).isFalse();
    assertThat(StrataTable.fits(Map.of("sex", Map.of("female", Shown.number(10)),
        "age", Map.of("0-9", Shown.number(10))))).isFalse();
  }
}
