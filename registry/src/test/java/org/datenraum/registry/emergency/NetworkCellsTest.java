package org.datenraum.registry.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

/** The network cells have one fixed shape, and count what the local report counts. */
class NetworkCellsTest {

  @Test
  void theShapeDoesNotDependOnTheData() {
    Map<String, Map<String, Set<String>>> none = NetworkCells.of(Map.of());
    Map<String, Map<String, Set<String>>> some = NetworkCells.of(visits(30));
    assertEquals(none.keySet(), some.keySet());
    none.forEach((table, cells) -> assertEquals(cells.keySet(), some.get(table).keySet(), table));
    none.values().forEach(cells -> cells.values().forEach(s -> assertEquals(0, s.size())));
    none.forEach((table, cells) -> cells.keySet().forEach(cell -> assertTrue(
        cell.matches("[A-Za-z0-9][A-Za-z0-9 ._:+<>=/()%-]{0,79}"), table + ": `" + cell + "` is no wire cell name")));
  }

  @Test
  void theCellsCountAsTheLocalReport() {
    Map<String, EmergencyVisits.Keyed> visits = visits(30);
    Map<String, Map<String, Set<String>>> cells = NetworkCells.of(visits);
    MonthlyEmergencyReport local = MonthlyReports.of(YearMonth.of(2026, 11),
        visits.values().stream().map(EmergencyVisits.Keyed::visit).toList());
    for (String level : List.of("1", "2", "3", "4", "5")) {
      assertEquals(local.access().triage().count(level), cells.get("triage").get(level).size(), level);
    }
    assertEquals(local.population().sex().count("female"), cells.get("sex").get("female").size());
    assertEquals(local.times().physician().bins().missing(), cells.get("time-to-physician").get("missing").size());
    assertEquals(local.times().triage().withinTarget(), cells.get("time-to-triage").get("0-4").size()
        + cells.get("time-to-triage").get("5-9").size(), "bins 0-4 and 5-9 hold the times up to 9");
    assertEquals(30, cells.get("hour").values().stream().mapToInt(Set::size).sum() + cells.get("hour").get("missing").size());
  }

  private static Map<String, EmergencyVisits.Keyed> visits(int n) {
    Map<String, EmergencyVisits.Keyed> out = new HashMap<>();
    Instant start = Instant.parse("2026-11-02T08:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant in = start.plusSeconds(i * 3_600L * 5);
      EmergencyVisit v = new EmergencyVisit(new EmergencyVisit.Times(in, in.plusSeconds(5_000),
          in.plusSeconds(60L * (i % 10)), i % 3 == 0 ? null : in.plusSeconds(1_800)),
          new EmergencyVisit.Person(i % 2 == 0 ? Sex.FEMALE : Sex.MALE, 30 + i),
          new EmergencyVisit.Triage("MTS", 1 + i % 5), new EmergencyVisit.Codes("RD", "2", "DISCHARGE:4", "251", "J06.9"),
          new EmergencyVisit.Hygiene(false, List.of(), List.of(), false));
      out.put("e" + i, new EmergencyVisits.Keyed("e" + i, "p" + i, v));
    }
    return out;
  }
}
