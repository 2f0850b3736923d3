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
    patients.put("other", Shown.hidden("< 20"));
    Map<String, Shown> specimens = new LinkedHashMap<>();
    specimens.put("119364003", Shown.number(70));
    specimens.put("other", Shown.hidden("< 20"));
    Map<String, Map<String, Shown>> strata = new LinkedHashMap<>();
    strata.put("patients", patients);
    strata.put("specimens", specimens);
    StringWriter text = new StringWriter();

    assertThat(StrataTable.fits(strata)).isTrue();
    StrataTable.print(strata, new PrintWriter(text, true));

    assertThat(text.toString().lines().map(String::strip).toList()).containsExactly(
        "patients    specimens",
        "119364003                      40           70",
        "other                        < 20         < 20");
  }

  @Test
  void aSingleTableOrTablesOverOtherCellsDoNotFit() {
    assertThat(StrataTable.fits(Map.of("sex", Map.of("female", Shown.number(10))))).isFalse();
    assertThat(StrataTable.fits(Map.of("sex", Map.of("female", Shown.number(10)),
        "age", Map.of("0-9", Shown.number(10))))).isFalse();
  }
}
