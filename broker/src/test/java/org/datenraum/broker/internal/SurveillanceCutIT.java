package org.datenraum.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.SurveillanceCut;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.DailySeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view of some days cut from the whole view equals the view built from the stored cells for
 * those days, on seeded data from three sites over a real broker: sites with gaps, days only one
 * site sent, an indicator only one site has, withheld values and values below the network's
 * minimum cell; ranges before, across, inside and after the data.
 */
class SurveillanceCutIT {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void aCutViewEqualsTheViewBuiltFromTheCellsForItsDays(@TempDir Path dir) throws Exception {
    try (Broker broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(CLOCK, Duration.ofMinutes(10)))) {
      BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
      op.standing(new StandingSurveillance(START, "06:00", "UTC", 5)).orThrow();
      List<BrokerClient> sites = List.of(site(op, "a"), site(op, "b"), site(op, "c"));
      String round = op.startRound(LocalDate.of(2025, 6, 30)).orThrow().id();
      SplittableRandom random = new SplittableRandom(42);
      for (BrokerClient s : sites) {
        s.poll(Duration.ofSeconds(1), false).orThrow();
      }
      upload(sites.get(0), round, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 3, 31), List.of("GI", "ILI"), random);
      upload(sites.get(0), round, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 28), List.of("GI", "ILI"), random);
      upload(sites.get(1), round, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 6, 20), List.of("GI", "ILI"), random);
      upload(sites.get(2), round, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 20), List.of("GI", "RSV"), random);
    }
    try (Database db = Database.open(Broker.databaseFile(dir))) {
      SurveillanceLedger ledger = new SurveillanceLedger(db, CLOCK, null, null, null);
      SurveillanceView whole = ledger.view(null, null);
      assertThat(whole.sites()).hasSize(3);
      assertThat(whole.series()).anyMatch(s -> "c".equals(s.site()) && s.indicator().equals("RSV"));
      List<LocalDate[]> ranges = new ArrayList<>();
      LocalDate[] edges = {null, LocalDate.of(2024, 12, 1), START, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 3, 7),
          LocalDate.of(2025, 3, 21), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 21),
          LocalDate.of(2025, 6, 28), LocalDate.of(2025, 6, 29), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1)};
      for (LocalDate from : edges) {
        for (LocalDate to : edges) {
          if (from == null || to == null || !from.isAfter(to)) {
            ranges.add(new LocalDate[] {from, to});
          }
        }
      }
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 40; i++) {
        LocalDate from = START.minusDays(20).plusDays(random.nextInt(220));
        ranges.add(new LocalDate[] {from, from.plusDays(random.nextInt(120))});
      }
      int withData = 0;
      for (LocalDate[] r : ranges) {
        SurveillanceView built = ledger.view(r[0], r[1]);
        SurveillanceView cut = SurveillanceCut.of(whole, r[0], r[1]);
        String range = r[0] + ".." + r[1];
        assertThat(cut).as(range).isEqualTo(built);
        String served = new String(ledger.viewJson(r[0], r[1], null).json(), StandardCharsets.UTF_8);
        assertThat(served).as(range).isEqualTo(WireJson.write(built));
        withData += built.series().isEmpty() ? 0 : 1;
      }
      assertThat(withData).as("most ranges hold data").isGreaterThan(ranges.size() / 2);
    }
  }

  private static BrokerClient site(BrokerClient op, String name) {
    return BrokerClient.of(op.base(), op.addSite(name).orThrow().key());
  }

  /** Counts of 0-19 (so some fall below the minimum cell of 5), one in twelve withheld, in uploads of 30 days. */
  private static void upload(BrokerClient site, String round, LocalDate first, LocalDate last, List<String> indicators,
      SplittableRandom random) {
    for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(30)) {
      LocalDate to = from.plusDays(29).isAfter(last) ? last : from.plusDays(29);
      int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
      List<DailySeries> series = new ArrayList<>();
      for (String indicator : indicators) {
        for (String age : List.of("0-4", "60+", "all")) {
          List<Integer> counts = new ArrayList<>();
          List<Integer> denominators = new ArrayList<>();
          for (int d = 0; d < days; d++) {
            counts.add(random.nextInt(12) == 0 ? null : random.nextInt(20));
            denominators.add(random.nextInt(12) == 0 ? null : 20 + random.nextInt(80));
          }
          series.add(new DailySeries("syndrome", indicator, indicator + " label", age, counts, denominators));
        }
      }
      assertThat(site.uploadDaily(round, new DailyCounts(from, to, 3, series)).status()).isEqualTo(204);
    }
  }
}
