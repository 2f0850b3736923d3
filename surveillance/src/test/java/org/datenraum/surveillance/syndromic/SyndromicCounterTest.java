package org.datenraum.surveillance.syndromic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyndromicCounterTest {

  private static final LocalDate D0 = LocalDate.of(2025, 3, 3);

  private static EdVisit visit(int day, Integer age, String diagnosis) {
    return new EdVisit(D0.plusDays(day), age == null ? OptionalInt.empty() : OptionalInt.of(age),
        Set.of(diagnosis), Set.of(), false);
  }

  private static LabResult noro(int patient, int day, boolean positive) {
    return new LabResult(patient, D0.plusDays(day), OptionalInt.of(80), "54906-3",
        positive ? "http://snomed.info/sct|10828004" : "http://snomed.info/sct|260385009",
        Set.of());
  }

  @Test
  void countsVisitsPerDayAndAgeGroupWithAllVisitsAsDenominator() {
    List<EdVisit> visits = List.of(visit(0, 2, "A08.1"), visit(0, 4, "A09.9"),
        visit(0, 5, "A08.1"), visit(0, 60, "I21.4"), visit(1, null, "A08.1"),
        visit(-1, 30, "A08.1"), visit(3, 30, "A08.1"));
    SiteCounts counts = SyndromicCounter.builtIn().count("S", D0, D0.plusDays(2), visits,
        List.of());
    Indicator gi = counts.indicator("GI");
    assertThat(counts.days()).isEqualTo(3);
    assertThat(counts.counts(gi, AgeGroup.ALL)).containsExactly(3, 1, 0);
    assertThat(counts.denominators(gi, AgeGroup.ALL)).containsExactly(4, 1, 0);
    assertThat(counts.counts(gi, AgeGroup.AGE_0_4)).containsExactly(2, 0, 0);
    assertThat(counts.counts(gi, AgeGroup.AGE_5_14)).containsExactly(1, 0, 0);
    assertThat(counts.counts(gi, AgeGroup.AGE_60_PLUS)).containsExactly(0, 0, 0);
    assertThat(counts.denominators(gi, AgeGroup.AGE_60_PLUS)).containsExactly(1, 0, 0);
    assertThat(counts.cells()).hasSize(3 * counts.indicators().size() * 6)
        .filteredOn(c -> c.indicator().equals(gi) && c.ageGroup() == AgeGroup.ALL)
        .extracting(CountCell::share).containsExactly(0.75, 1.0, Double.NaN);
  }

  @Test
  void agesFallIntoTheFiveBands() {
    assertThat(AgeGroup.band(0)).isEqualTo(AgeGroup.AGE_0_4);
    assertThat(AgeGroup.band(14)).isEqualTo(AgeGroup.AGE_5_14);
    assertThat(AgeGroup.band(15)).isEqualTo(AgeGroup.AGE_15_34);
    assertThat(AgeGroup.band(59)).isEqualTo(AgeGroup.AGE_35_59);
    assertThat(AgeGroup.band(60)).isEqualTo(AgeGroup.AGE_60_PLUS);
  }

  @Test
  void aPatientsRepeatedFindingsCountOncePerEpisode() {
    List<LabResult> results = List.of(noro(1, 0, true), noro(1, 0, true), noro(1, 5, true),
        noro(1, 20, true), noro(2, 5, false), noro(3, 5, true));
    SiteCounts counts = SyndromicCounter.builtIn().count("S", D0, D0.plusDays(20), List.of(),
        results);
    Indicator noro = counts.indicator("NOROVIRUS");
    int[] c = counts.counts(noro, AgeGroup.ALL);
    int[] n = counts.denominators(noro, AgeGroup.ALL);
    assertThat(c[0]).isEqualTo(1);
    assertThat(c[5]).isEqualTo(1);
    assertThat(c[20]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(c).sum()).isEqualTo(3);
    assertThat(n[0]).isEqualTo(1);
    assertThat(n[5]).isEqualTo(3);
    assertThat(counts.counts(noro, AgeGroup.AGE_60_PLUS)[5]).isEqualTo(1);
  }

  @Test
  void minimumCellSizeWithholdsSmallCellsAndTheirComplement() {
    MinimumCellSize rule = new MinimumCellSize(5);
    int[][] byGroup = new int[6][1];
    int[] values = {2, 0, 7, 9, 20, 38};
    for (int g = 0; g < 6; g++) {
      byGroup[g][0] = values[g];
    }
    OptionalInt[] out = rule.release(byGroup, 0);
    assertThat(out[AgeGroup.AGE_0_4.ordinal()]).isEmpty();
    assertThat(out[AgeGroup.AGE_5_14.ordinal()]).as("smallest other band").isEmpty();
    assertThat(out[AgeGroup.AGE_15_34.ordinal()]).hasValue(7);
    assertThat(out[AgeGroup.ALL.ordinal()]).hasValue(38);

    int[][] two = {{2}, {3}, {0}, {9}, {20}, {34}};
    OptionalInt[] twoOut = rule.release(two, 0);
    assertThat(twoOut[AgeGroup.AGE_15_34.ordinal()]).as("two withheld already").hasValue(0);

    SiteCounts counts = SyndromicCounter.builtIn().count("S", D0, D0, List.of(
        visit(0, 30, "A08.1")), List.of());
    ReleasedCounts released = counts.release(rule);
    assertThat(released.cells()).filteredOn(c -> c.indicator().id().equals("GI")
        && c.ageGroup() == AgeGroup.ALL).singleElement()
        .satisfies(c -> assertThat(c.count()).isEmpty());
    assertThat(counts.release(new MinimumCellSize(1)).suppressedCounts()).isZero();
  }
}
