package org.datenraum.surveillance.syndromic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The daily release over in-memory syndromic records. */
class DailyReleaseTest {

  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

  private static EdVisit gi(LocalDate day) {
    return new EdVisit(day, OptionalInt.of(40), Set.of("A08.1"), Set.of(), false);
  }

  private static InMemorySyndromicRecords records(List<EdVisit> visits) {
    return new InMemorySyndromicRecords(ZoneId.of("Europe/Berlin"), visits, List.of());
  }

  private static OptionalInt allAgesGi(ReleasedCounts counts, LocalDate day) {
    return counts.cells().stream().filter(c -> c.day().equals(day)
            && c.indicator().id().equals("GI") && c.ageGroup() == AgeGroup.ALL)
        .findFirst().orElseThrow().count();
  }

  @Test
  void thePeriodEndsAtTheLastVisitAndSmallCellsAreWithheld() {
    List<EdVisit> visits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      visits.add(gi(MONDAY));
    }
    visits.add(gi(MONDAY.plusDays(1)));
    visits.add(gi(MONDAY.plusDays(1)));
    DailyRelease release = DailyRelease.of(records(visits), new MinimumCellSize(5));

    ReleasedCounts counts = release.released(MONDAY.minusDays(2), MONDAY.plusDays(30)).orElseThrow();

    assertThat(counts.first()).isEqualTo(MONDAY.minusDays(2));
    assertThat(counts.last()).isEqualTo(MONDAY.plusDays(1));
    assertThat(allAgesGi(counts, MONDAY)).hasValue(6);
    assertThat(allAgesGi(counts, MONDAY.plusDays(1))).isEmpty();
    assertThat(allAgesGi(counts, MONDAY.minusDays(1))).hasValue(0);
  }

  @Test
  void nothingIsReleasedBeforeTheFirstDayWithData() {
    DailyRelease release = DailyRelease.of(records(List.of(gi(MONDAY))), new MinimumCellSize(5));

    assertThat(release.released(MONDAY.plusDays(1), MONDAY.plusDays(5))).isEmpty();
    assertThat(DailyRelease.of(records(List.of()), new MinimumCellSize(5))
        .released(MONDAY, MONDAY)).isEmpty();
  }

  @Test
  void thePolicyNamesTheMinimumAndTheZone() {
    assertThat(DailyRelease.of(records(List.of()), new MinimumCellSize(7)).policy())
        .isEqualTo("surveillance-minimum-cell=7;zone=Europe/Berlin");
  }

  @Test
  void inMemoryRecordsKeepTheResultsOfThePathogensTests() {
    LabResult noro = new LabResult(1, MONDAY, OptionalInt.empty(), "54906-3", "", Set.of("POS"));
    LabResult other = new LabResult(1, MONDAY, OptionalInt.empty(), "1-8", "", Set.of("POS"));
    SyndromicRecords records = new InMemorySyndromicRecords(ZoneId.of("UTC"), List.of(),
        List.of(noro, other));

    assertThat(records.results(PathogenDefinitions.builtIn())).containsExactly(noro);
  }
}
