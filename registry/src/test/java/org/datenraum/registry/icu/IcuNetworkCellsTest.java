package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

class IcuNetworkCellsTest {

  @Test
  void stayEpisodesAndHoursAreCountedInTheirCells() {
    // invasive 0-30 h and 50-60 h (re-intubation: 20 h gap), platelets 30 (SOFA 3), 4 h of
    // tidal volume 450 mL at 180 cm (5.99 ml/kg)
    Stays a = new Stays("a", Sex.MALE, YearMonth.of(1950, 1)).icu("ea", 0, 100)
        .invasive(0, 30).invasive(50, 60).observe("777-3", 1, 30, "10*3/uL")
        .observe("8302-2", 0, 180, "cm");
    for (int h = 0; h < 4; h++) {
      a.observe("76222-9", h + 0.5, 450, "mL");
    }
    Stays c = new Stays("c", Sex.FEMALE, YearMonth.of(2018, 1)).icu("ec", 0, 5);
    IcuNetworkCells cells = new IcuNetworkCells();
    cells.add("ea", a.result());
    cells.add("ec", c.result());
    Map<String, Map<String, Set<String>>> t = cells.tables();
    assertThat(cells.population()).containsExactlyInAnyOrder("ea", "ec");
    assertThat(t.get("stays").get("adult")).containsExactly("ea");
    assertThat(t.get("stays").get("paediatric")).containsExactly("ec");
    assertThat(t.get("stays").get("unknown-age")).isEmpty();
    assertThat(t.get("ventilation").get("invasive-episodes")).containsExactlyInAnyOrder("ea#0", "ea#50");
    assertThat(t.get("ventilation").get("reintubations-48h")).containsExactly("ea#50");
    assertThat(t.get("ventilation").get("extubations")).hasSize(2);
    assertThat(t.get("invasiveEpisodeLength").get("24-47h")).containsExactly("ea#0");
    assertThat(t.get("invasiveEpisodeLength").get("0-23h")).containsExactly("ea#50");
    assertThat(t.get("maxSofa").get("3")).containsExactly("ea");
    assertThat(t.get("maxSofa").get("0")).containsExactly("ec");
    assertThat(t.get("maxSofa")).hasSize(25);
    assertThat(t.get("lungProtective").get("hours-with-tidal-volume")).hasSize(4);
    assertThat(t.get("lungProtective").get("hours-lung-protective")).hasSize(4);
    assertThat(t.get("sedation").get("stays-of-8h-or-more")).containsExactly("ea");
  }

  @Test
  void periodParameters() {
    assertThat(IcuNetworkCells.period(Map.of("from", "2025-01-01", "to", "2025-01-31")).value())
        .containsExactly(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 31));
    assertThat(IcuNetworkCells.period(Map.of("month", "2025-01")).problem().code()).isEqualTo("DR-7301");
    assertThat(IcuNetworkCells.period(Map.of("from", "1.1.2025")).problem().code()).isEqualTo("DR-7302");
    assertThat(IcuNetworkCells.period(Map.of("from", "2025-02-01", "to", "2025-01-01")).problem()
        .code()).isEqualTo("DR-7300");
  }

  @Test
  void lengthClasses() {
    assertThat(IcuNetworkCells.lengthClass(23)).isEqualTo("0-23h");
    assertThat(IcuNetworkCells.lengthClass(24)).isEqualTo("24-47h");
    assertThat(IcuNetworkCells.lengthClass(96)).isEqualTo("96-167h");
    assertThat(IcuNetworkCells.lengthClass(168)).isEqualTo("168h-or-more");
  }
}
