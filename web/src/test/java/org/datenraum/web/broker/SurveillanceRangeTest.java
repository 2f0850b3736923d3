package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.datenraum.federation.SurveillanceCut;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.EpochEvidence;
import org.datenraum.surveillance.syndromic.SeriesEvaluation;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The surveillance page of a range shows the evaluation of every day, cut to the range: each
 * epoch within the range with the expected value, bound and alarm the whole evaluation gave it.
 * Where the range's own evaluation has a baseline (and the same number of years back), it gives
 * the same results; it has none for the range's first year, which the whole evaluation monitors.
 */
class SurveillanceRangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate FIRST = LocalDate.of(2023, 1, 2);
  private static final LocalDate LAST = LocalDate.of(2025, 6, 29);
  private static final LocalDate B_STARTS = LocalDate.of(2024, 3, 1);

  @Test
  void aRangeShowsTheWholeEvaluationsEpochsAndSignalsWithinItAndTheSitesThatSent() throws Exception {
    SurveillanceView whole = view();
    SurveillanceModel.Evaluated evaluated = SurveillanceModel.evaluate(whole, SignalConfig.defaults()).value();
    List<SurveillanceModel.Section> all = SurveillanceModel.sections(evaluated, whole);
    assertThat(all).isEqualTo(SurveillanceModel.of(whole, SignalConfig.defaults()).value());
    assertThat(all).extracting(SurveillanceModel.Section::site).containsExactly("network", "A", "B");

    LocalDate from = LocalDate.of(2024, 7, 3);
    LocalDate to = LocalDate.of(2025, 3, 20);
    List<SurveillanceModel.Section> range = SurveillanceModel.sections(evaluated, SurveillanceCut.of(whole, from, to));
    // complete ISO weeks within the range: Monday 2024-07-08 through the week ending Sunday 2025-03-16
    List<String> weeks = new ArrayList<>();
    for (LocalDate m = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); !m.plusDays(6).isAfter(to);
        m = m.plusWeeks(1)) {
      weeks.add(String.format("%d-W%02d", m.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
          m.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }
    assertThat(weeks).hasSize(36).startsWith("2024-W28").endsWith("2025-W11");
    JsonNode wholeChart = JSON.readTree(all.get(0).charts().get(0).json());
    JsonNode rangeChart = JSON.readTree(range.get(0).charts().get(0).json());
    assertThat(labels(rangeChart)).containsExactlyElementsOf(weeks);
    int offset = labels(wholeChart).indexOf("2024-W28");
    for (int line = 0; line < 3; line++) {
      JsonNode w = wholeChart.get("series").get(line).get("values");
      JsonNode r = rangeChart.get("series").get(line).get("values");
      for (int i = 0; i < weeks.size(); i++) {
        assertThat(r.get(i)).as(weeks.get(i)).isEqualTo(w.get(offset + i));
      }
    }
    for (int s = 0; s < range.size(); s++) {
      assertThat(range.get(s).signals()).as(range.get(s).site())
          .containsExactlyElementsOf(all.get(s).signals().stream().filter(row -> weeks.contains(row.epoch())).toList());
    }
    assertThat(range.stream().mapToInt(s -> s.signals().size()).sum()).as("signals within the range").isPositive();

    List<SurveillanceModel.Section> beforeB = SurveillanceModel.sections(evaluated,
        SurveillanceCut.of(whole, LocalDate.of(2023, 6, 1), B_STARTS.minusDays(1)));
    assertThat(beforeB).extracting(SurveillanceModel.Section::site).containsExactly("network", "A");
  }

  @Test
  void whereTheRangesOwnEvaluationHasABaselineItAgreesWithTheWholeEvaluation() {
    SurveillanceView whole = view();
    SurveillanceView range = SurveillanceCut.of(whole, LocalDate.of(2024, 1, 1), LAST);
    // the same years back for both (by default the method takes as many as each series allows)
    SignalConfig oneYear = SignalConfig.of(SignalConfig.DEFAULT_METHOD, Map.of("b", "1"));
    List<SignalEvaluation> all = SurveillanceModel.evaluate(whole, oneYear).value().evaluations();
    List<SignalEvaluation> own = SurveillanceModel.evaluate(range, oneYear).value().evaluations();
    assertThat(own).hasSameSizeAs(all);
    int compared = 0;
    int onlyWhole = 0;
    for (int s = 0; s < own.size(); s++) {
      for (SeriesEvaluation series : own.get(s).series()) {
        Map<LocalDate, EpochEvidence> byStart = new HashMap<>();
        all.get(s).series(series.indicator(), series.ageGroup()).epochs().forEach(e -> byStart.put(e.start(), e));
        for (EpochEvidence e : series.epochs()) {
          EpochEvidence w = byStart.get(e.start());
          if (e.monitored()) {
            assertThat(w.monitored()).isTrue();
            assertThat(Double.doubleToLongBits(w.expected())).as(series.series() + " " + e.start())
                .isEqualTo(Double.doubleToLongBits(e.expected()));
            assertThat(Double.doubleToLongBits(w.upperBound())).as(series.series() + " " + e.start())
                .isEqualTo(Double.doubleToLongBits(e.upperBound()));
            assertThat(w.alarm()).isEqualTo(e.alarm());
            compared += Double.isFinite(e.upperBound()) ? 1 : 0;
          } else if (w.monitored()) {
            onlyWhole++;
            assertThat(e.start()).as("the range has no baseline only in its first year")
                .isBefore(LocalDate.of(2025, 1, 27));
          }
        }
      }
    }
    assertThat(compared).as("monitored epochs with a finite bound in both").isGreaterThan(50);
    assertThat(onlyWhole).as("epochs the whole evaluation monitors and the range's own cannot").isGreaterThan(50);
  }

  private static List<String> labels(JsonNode chart) {
    List<String> out = new ArrayList<>();
    chart.get("labels").forEach(l -> out.add(l.asText()));
    return out;
  }

  /**
   * Two sites' daily gastrointestinal counts (all ages and 60+) with a winter season and a planted
   * outbreak in 2024-W42 and 2025-W06; site B sends from {@link #B_STARTS}.
   */
  private static SurveillanceView view() {
    int days = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
    SplittableRandom random = new SplittableRandom(3);
    Map<String, int[]> counts = new HashMap<>();
    for (String site : List.of("A", "B")) {
      for (String age : List.of("60+", "all")) {
        int[] c = new int[days];
        for (int d = 0; d < days; d++) {
          LocalDate day = FIRST.plusDays(d);
          double season = 6 + 4 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 20) / 365.0);
          boolean outbreak = day.isAfter(LocalDate.of(2024, 10, 13)) && day.isBefore(LocalDate.of(2024, 10, 21))
              || day.isAfter(LocalDate.of(2025, 2, 2)) && day.isBefore(LocalDate.of(2025, 2, 10));
          c[d] = (int) Math.round((age.equals("all") ? 2 : 1) * season * (0.7 + 0.6 * random.nextDouble()))
              + (outbreak ? 12 : 0);
        }
        counts.put(site + "/" + age, c);
      }
    }
    List<ShownSeries> network = new ArrayList<>();
    List<ShownSeries> sites = new ArrayList<>();
    List<Integer> reporting = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      reporting.add(FIRST.plusDays(d).isBefore(B_STARTS) ? 1 : 2);
    }
    for (String age : List.of("60+", "all")) {
      List<Integer> sum = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        sum.add(counts.get("A/" + age)[d] + (FIRST.plusDays(d).isBefore(B_STARTS) ? 0 : counts.get("B/" + age)[d]));
      }
      network.add(series(null, age, sum));
    }
    for (String site : List.of("A", "B")) {
      for (String age : List.of("60+", "all")) {
        List<Integer> c = new ArrayList<>();
        for (int d = 0; d < days; d++) {
          c.add(site.equals("B") && FIRST.plusDays(d).isBefore(B_STARTS) ? null : counts.get(site + "/" + age)[d]);
        }
        sites.add(series(site, age, c));
      }
    }
    network.addAll(sites);
    return new SurveillanceView(new StandingSurveillance(FIRST, "06:00", "Europe/Berlin", 1), FIRST, LAST,
        List.of(new SurveillanceView.Coverage("A", FIRST, LAST, 1), new SurveillanceView.Coverage("B", B_STARTS, LAST, 1)),
        reporting, network);
  }

  private static ShownSeries series(String site, String age, List<Integer> counts) {
    List<Integer> denominators = counts.stream().map(c -> c == null ? null : 200).toList();
    List<Integer> hidden = counts.stream().map(c -> 0).toList();
    return new ShownSeries(site, "syndrome", "GI", "Gastrointestinal", age, counts, denominators, hidden);
  }
}
