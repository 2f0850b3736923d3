package org.datenraum.surveillance.syndromic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.datenraum.core.Result;
import org.junit.jupiter.api.Test;

class SignalEvaluatorTest {

  private static final LocalDate START = LocalDate.of(2023, 1, 2);
  private static final LocalDate OUTBREAK = LocalDate.of(2025, 9, 1);

  /** Three years of ED visits: 30 a day, 1 in 20 gastroenteritis, plus 30 cases in one week. */
  private static SiteCounts site(boolean outbreak) {
    Random random = new Random(11);
    List<EdVisit> visits = new ArrayList<>();
    for (LocalDate d = START; d.isBefore(START.plusYears(3)); d = d.plusDays(1)) {
      for (int i = 0; i < 30; i++) {
        String dx = random.nextDouble() < 0.05 ? "A09.9" : "S61.0";
        visits.add(new EdVisit(d, OptionalInt.of(random.nextInt(90)), Set.of(dx), Set.of(),
            false));
      }
    }
    if (outbreak) {
      for (int i = 0; i < 30; i++) {
        visits.add(new EdVisit(OUTBREAK.plusDays(i % 7), OptionalInt.of(70), Set.of("A08.1"),
            Set.of("254"), false));
      }
    }
    return SyndromicCounter.builtIn().count("Test", START, START.plusYears(3).minusDays(1),
        visits, List.of());
  }

  @Test
  void farringtonFlexibleSignalsThePlantedWeekWithItsEvidence() {
    Result<SignalEvaluation> result = SignalEvaluator.evaluate(site(true),
        SignalConfig.defaults().monitoringFrom(LocalDate.of(2025, 1, 1)));
    SignalEvaluation e = result.value();
    assertThat(e.aggregation()).isEqualTo(Aggregation.WEEKLY);
    assertThat(e.parameters()).containsEntry("b", "2");
    assertThat(e.series()).hasSize(e.series().size()).allSatisfy(s ->
        assertThat(s.skipped()).isEmpty());
    Signal gi = e.signals().stream().filter(s -> s.series().equals("Test/GI/all")
        && s.epoch().equals(OUTBREAK)).findFirst().orElseThrow();
    assertThat(gi.epochLabel()).isEqualTo("2025-W36");
    assertThat(gi.observed()).isGreaterThan(gi.upperBound());
    assertThat(gi.expected()).isBetween(5.0, 16.0);
    assertThat(gi.method()).isEqualTo("farrington-flexible");
    SeriesEvaluation series = e.series(gi.indicator(), AgeGroup.ALL);
    EpochEvidence week = series.epochs().get(gi.epochIndex() - 1);
    assertThat(week.start()).isEqualTo(OUTBREAK);
    assertThat(week.observed()).isEqualTo(gi.observed());
    assertThat(week.denominator()).isEqualTo(210 + 30);
    assertThat(series.epochs().get(0).monitored()).isFalse();
  }

  @Test
  void withoutTheOutbreakTheWeekStaysQuiet() {
    SignalEvaluation e = SignalEvaluator.evaluate(site(false),
        SignalConfig.defaults().monitoringFrom(LocalDate.of(2025, 1, 1))).value();
    assertThat(e.signals()).noneMatch(s -> s.epoch().equals(OUTBREAK));
    assertThat(e.signals().size()).isLessThan(10);
  }

  @Test
  void earsRunsOnDaysAndWeeksAreCompleteIsoWeeks() {
    SiteCounts counts = site(true);
    SignalEvaluation daily = SignalEvaluator.evaluate(counts,
        SignalConfig.of("ears-c2", Map.of("minSigma", "1"))).value();
    assertThat(daily.aggregation()).isEqualTo(Aggregation.DAILY);
    SeriesEvaluation gi = daily.series(counts.indicator("GI"), AgeGroup.ALL);
    assertThat(gi.epochs()).hasSize(counts.days());
    assertThat(daily.signals()).anyMatch(s -> s.indicator().id().equals("GI")
        && !s.epoch().isBefore(OUTBREAK) && s.epoch().isBefore(OUTBREAK.plusDays(7)));

    EpochSeries weeks = EpochSeries.of(counts, counts.indicator("GI"), AgeGroup.ALL,
        Aggregation.WEEKLY);
    assertThat(weeks.starts().get(0)).isEqualTo(START);
    assertThat(weeks.starts()).allSatisfy(d -> assertThat(d.getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY));
    assertThat(weeks.starts().get(weeks.length() - 1).plusDays(6)).isBeforeOrEqualTo(
        counts.last());
    assertThat(weeks.denominators()[0]).isEqualTo(210);
  }

  @Test
  void anUnknownMethodIsAProblem() {
    Result<SignalEvaluation> r = SignalEvaluator.evaluate(site(false),
        SignalConfig.of("shewhart", Map.of()));
    assertThat(r.isOk()).isFalse();
    assertThat(r.problem().code()).isEqualTo("DR-6001");
  }
}
