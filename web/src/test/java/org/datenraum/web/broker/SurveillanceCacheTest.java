package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.junit.jupiter.api.Test;

class SurveillanceCacheTest {

  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final SignalConfig CONFIG = SignalConfig.defaults();

  private final AtomicInteger evaluations = new AtomicInteger();
  private final SurveillanceCache cache = new SurveillanceCache(2, (v, c) -> {
    evaluations.incrementAndGet();
    return SurveillanceModel.evaluate(v, c);
  });

  @Test
  void aRepeatedViewOfTheSameContentIsNotEvaluatedAgain() {
    SurveillanceModel.Evaluated first = cache.evaluated(view(400, 7), CONFIG).value();
    // a fresh object with equal content, as the next fetch from the broker gives it
    SurveillanceModel.Evaluated again = cache.evaluated(view(400, 7), CONFIG).value();
    assertThat(evaluations).hasValue(1);
    assertThat(again).isSameAs(first);
    assertThat(SurveillanceModel.sections(first, view(400, 7))).isEqualTo(SurveillanceModel.of(view(400, 7), CONFIG).value());
  }

  @Test
  void aNewRoundsDataIsEvaluatedAndShown() {
    List<SurveillanceModel.Section> before = SurveillanceModel.sections(cache.evaluated(view(400, 7), CONFIG).value(),
        view(400, 7));
    // the next round completes another ISO week (the view of 400 days ends on a Monday)
    List<SurveillanceModel.Section> after = SurveillanceModel.sections(cache.evaluated(view(407, 7), CONFIG).value(),
        view(407, 7));
    assertThat(evaluations).hasValue(2);
    assertThat(after).isNotEqualTo(before).isEqualTo(SurveillanceModel.of(view(407, 7), CONFIG).value());
    List<SurveillanceModel.Section> otherMethod = SurveillanceModel.sections(cache.evaluated(view(407, 7),
        SignalConfig.of("ears-c1", Map.of())).value(), view(407, 7));
    assertThat(evaluations).hasValue(3);
    assertThat(otherMethod.get(0).method()).startsWith("ears-c1");
  }

  @Test
  void theLeastRecentlyUsedViewMakesRoomAndFailuresAreNotKept() {
    cache.evaluated(view(400, 1), CONFIG);
    cache.evaluated(view(400, 2), CONFIG);
    cache.evaluated(view(400, 1), CONFIG);
    cache.evaluated(view(400, 3), CONFIG);
    assertThat(evaluations).hasValue(3);
    cache.evaluated(view(400, 1), CONFIG);
    assertThat(evaluations).hasValue(3);
    cache.evaluated(view(400, 2), CONFIG);
    assertThat(evaluations).hasValue(4);

    AtomicInteger failures = new AtomicInteger();
    SurveillanceCache failing = new SurveillanceCache(2, (v, c) -> {
      failures.incrementAndGet();
      return Result.fail(Problem.invalid("DR-7080", "refused"));
    });
    assertThat(failing.evaluated(view(400, 1), CONFIG).isOk()).isFalse();
    assertThat(failing.evaluated(view(400, 1), CONFIG).isOk()).isFalse();
    assertThat(failures).hasValue(2);
    assertThatThrownBy(() -> new SurveillanceCache(0, SurveillanceModel::evaluate)).hasMessageContaining("`0`");
  }

  @Test
  void aViewAskedWhileItsContentIsBeingEvaluatedWaitsForThatEvaluation() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    SurveillanceCache slow = new SurveillanceCache(2, (v, c) -> {
      runs.incrementAndGet();
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return SurveillanceModel.evaluate(v, c);
    });
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<Result<SurveillanceModel.Evaluated>> ahead = two.submit(() -> slow.evaluated(view(400, 7), CONFIG));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Result<SurveillanceModel.Evaluated>> reader = two.submit(() -> slow.evaluated(view(400, 7), CONFIG));
      Thread.sleep(300);
      release.countDown();
      assertThat(reader.get(10, TimeUnit.SECONDS).value()).isSameAs(ahead.get(10, TimeUnit.SECONDS).value());
      assertThat(runs).hasValue(1);
    } finally {
      two.shutdownNow();
    }
  }

  /** One site's influenza-like illness series for {@code days} days, counts drawn from {@code seed}. */
  private static SurveillanceView view(int days, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Integer> counts = new ArrayList<>();
    List<Integer> denominators = new ArrayList<>();
    List<Integer> hidden = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      counts.add(5 + rng.nextInt(10) + (d == days - 1 ? 40 : 0));
      denominators.add(200);
      hidden.add(0);
    }
    LocalDate last = FIRST.plusDays(days - 1);
    List<ShownSeries> series = List.of(
        new ShownSeries(null, "syndrome", "ili", "Influenza-like illness", "all", counts, denominators, hidden),
        new ShownSeries("A", "syndrome", "ili", "Influenza-like illness", "all", counts, denominators, hidden));
    return new SurveillanceView(new StandingSurveillance(FIRST, "06:00", "Europe/Berlin", 5), FIRST, last,
        List.of(new SurveillanceView.Coverage("A", FIRST, last, 5)), counts.stream().map(c -> 1).toList(), series);
  }
}
