package org.datenraum.broker;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.DailySeries;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surveillance dates from the operator, the sites and researchers, and the shape of the sites'
 * daily counts, are checked over real HTTP.
 */
class SurveillanceDatesIT {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final LocalDate THROUGH = LocalDate.of(2025, 5, 31);

  @TempDir Path dir;
  private Broker broker;
  private BrokerClient op;

  @BeforeEach
  void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"), new BrokerConfig.Runtime(
        Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(10)));
    op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void aSitesDaysOutsideItsRoundAreRefusedAndTheDefaultViewStaysWithinTheRound() {
    op.standing(StandingSurveillance.from(START)).orThrow();
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    String round = op.startRound(THROUGH).orThrow().id();
    site.poll(Duration.ofSeconds(1), false).orThrow();
    for (LocalDate first : List.of(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 30), START.minusDays(1),
        THROUGH)) {
      var refused = site.uploadDaily(round, counts(first, first.plusDays(1)));
      assertThat(refused.status()).as(first.toString()).isEqualTo(400);
      assertThat(refused.problem().code()).isEqualTo("DR-5421");
    }
    assertThat(site.uploadDaily(round, counts(LocalDate.of(2025, 5, 1), THROUGH)).status()).isEqualTo(204);
    BrokerClient researcher = BrokerClient.of(broker.localUri(), op.addResearcher("rki").orThrow().key());
    SurveillanceView view = researcher.surveillance(null, null).orThrow();
    assertThat(view.first()).isEqualTo(LocalDate.of(2025, 5, 1));
    assertThat(view.last()).isEqualTo(THROUGH);
    SurveillanceView wide = researcher.surveillance(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)).orThrow();
    assertThat(wide.first()).isEqualTo(view.first());
    assertThat(wide.last()).isEqualTo(view.last());
    assertThat(researcher.surveillance(THROUGH, START).status()).isEqualTo(400);
  }

  @Test
  void aRepeatedReadIsNotModifiedUntilNewCountsArrive() {
    op.standing(StandingSurveillance.from(START)).orThrow();
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    String round = op.startRound(THROUGH).orThrow().id();
    site.poll(Duration.ofSeconds(1), false).orThrow();
    assertThat(site.uploadDaily(round, counts(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 7))).status())
        .isEqualTo(204);
    BrokerClient researcher = BrokerClient.of(broker.localUri(), op.addResearcher("rki").orThrow().key());
    var first = researcher.surveillance(null, null, null).orThrow();
    assertThat(first.tag()).isNotBlank();
    assertThat(first.view().last()).isEqualTo(LocalDate.of(2025, 5, 7));
    var again = researcher.surveillance(null, null, first.tag());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.value().tag()).isEqualTo(first.tag());
    var other = researcher.surveillance(LocalDate.of(2025, 5, 2), null, first.tag());
    assertThat(other.status()).as("another range is another view").isEqualTo(200);
    assertThat(other.value().view().first()).isEqualTo(LocalDate.of(2025, 5, 2));
    assertThat(researcher.surveillance(null, null, null).orThrow().tag()).as("kept, not rebuilt")
        .isEqualTo(first.tag());
    assertThat(site.uploadDaily(round, counts(LocalDate.of(2025, 5, 8), LocalDate.of(2025, 5, 9))).status())
        .isEqualTo(204);
    var changed = researcher.surveillance(null, null, first.tag());
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.value().tag()).isNotEqualTo(first.tag());
    assertThat(changed.value().view().last()).isEqualTo(LocalDate.of(2025, 5, 9));
    op.standing(new StandingSurveillance(START.plusDays(1), "06:00", "Europe/Berlin", 5))
        .orThrow();
    assertThat(researcher.surveillance(null, null, changed.value().tag()).status()).as("a new standing request")
        .isEqualTo(200);
  }

  @Test
  void newCountsAreBuiltIntoTheWholeViewAheadOfItsReadersAndHandedToThePages() throws Exception {
    BlockingQueue<String[]> built = new LinkedBlockingQueue<>();
    BrokerPages pages = new BrokerPages() {
      @Override
      public void routes(io.javalin.Javalin app, java.util.function.Supplier<java.net.URI> self,
          java.util.Optional<javax.net.ssl.SSLContext> selfTls, PageSessions sessions) {
      }

      @Override
      public void surveillanceBuilt(String tag, byte[] json) {
        built.add(new String[] {tag, new String(json, StandardCharsets.UTF_8)});
      }
    };
    Path other = dir.resolve("with-pages");
    try (Broker b = Broker.start(BrokerConfig.of(other, 0).withHost("127.0.0.1"), new BrokerConfig.Runtime(
        Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(10)), pages)) {
      BrokerClient admin = BrokerClient.of(b.localUri(), Files.readString(other.resolve("operator.key")));
      admin.standing(StandingSurveillance.from(START)).orThrow();
      BrokerClient site = BrokerClient.of(b.localUri(), admin.addSite("a").orThrow().key());
      String round = admin.startRound(THROUGH).orThrow().id();
      site.poll(Duration.ofSeconds(1), false).orThrow();
      site.uploadDaily(round, counts(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 7))).orThrow();
      String[] view = awaitView(built, LocalDate.of(2025, 5, 7));
      BrokerClient researcher = BrokerClient.of(b.localUri(), admin.addResearcher("rki").orThrow().key());
      assertThat(researcher.surveillance(null, null, view[0]).status()).as("the pages hold the current view")
          .isEqualTo(304);
      var read = researcher.raw("GET", "/v1/surveillance", null);
      assertThat(read.headers().firstValue("ETag")).contains(view[0]);
      assertThat(read.body()).isEqualTo(view[1]);
      site.uploadDaily(round, counts(LocalDate.of(2025, 5, 8), LocalDate.of(2025, 5, 9))).orThrow();
      String[] next = awaitView(built, LocalDate.of(2025, 5, 9));
      assertThat(next[0]).isNotEqualTo(view[0]);
      assertThat(researcher.surveillance(null, null, next[0]).status()).isEqualTo(304);
    }
  }

  /** The next view handed to the pages that reaches {@code last}; views of earlier states may come first. */
  private static String[] awaitView(BlockingQueue<String[]> built, LocalDate last) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String[] v = built.poll(200, TimeUnit.MILLISECONDS);
      if (v != null && WireJson.read(v[1], SurveillanceView.class).last().equals(last)) {
        return v;
      }
    }
    throw new AssertionError("no view through " + last + " was handed to the pages within 20 s");
  }

  @Test
  void outOfRangeDatesInTheStandingRequestAndRoundsAreRefusedNotFailed() {
    for (String start : List.of("-999999999-01-01", "1900-01-01", "0000-01-01", "2030-01-01")) {
      var r = op.raw("PUT", "/v1/admin/surveillance", "{\"start\":\"" + start
          + "\",\"dailyAt\":\"06:00\",\"zone\":\"Europe/Berlin\",\"minimumCell\":5}");
      assertThat(r.statusCode()).as(start).isEqualTo(400);
      assertThat(r.body()).contains("DR-5421").contains("\"field\":\"$.start\"");
    }
    assertThat(op.raw("GET", "/v1/surveillance", null).statusCode()).isEqualTo(404);
    op.standing(StandingSurveillance.from(START)).orThrow();
    assertThat(op.startRound(START.minusDays(1)).status()).isEqualTo(400);
    assertThat(op.startRound(LocalDate.of(9999, 12, 31)).status()).isEqualTo(400);
    assertThat(op.startRound(THROUGH).status()).isEqualTo(201);
  }

  @Test
  void seriesOutsideTheDefinitionsShapeAreRefused() {
    op.standing(StandingSurveillance.from(START)).orThrow();
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    String round = op.startRound(THROUGH).orThrow().id();
    site.poll(Duration.ofSeconds(1), false).orThrow();
    List<Integer> week = Collections.nCopies(7, 7);
    LocalDate first = LocalDate.of(2025, 5, 1);
    List<DailyCounts> refused = new ArrayList<>();
    refused.add(new DailyCounts(first, first.plusDays(6), 5, List.of(new DailySeries("syndrome", "GI", "GI",
        "1900-9999", week, week))));
    refused.add(new DailyCounts(first, first.plusDays(6), 5, List.of(new DailySeries("syndrome", "GI",
        "x".repeat(5000), "all", week, week))));
    refused.add(new DailyCounts(first, first.plusDays(6), 5, List.of(new DailySeries("syndrome", "G I <b>", "GI",
        "all", week, week))));
    refused.add(new DailyCounts(first, first.plusDays(6), Integer.MAX_VALUE, List.of(new DailySeries("syndrome",
        "GI", "GI", "all", week, week))));
    List<DailySeries> many = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      many.add(new DailySeries("syndrome", "S" + i, "S" + i, "all", week, week));
    }
    refused.add(new DailyCounts(first, first.plusDays(6), 5, many));
    for (DailyCounts counts : refused) {
      var r = site.uploadDaily(round, counts);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.problem().code()).isEqualTo("DR-5422");
    }
    assertThat(site.uploadDaily(round, counts(first, first.plusDays(6))).status()).isEqualTo(204);
  }

  private static DailyCounts counts(LocalDate first, LocalDate last) {
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    List<Integer> values = new ArrayList<>(Collections.nCopies(days, 7));
    return new DailyCounts(first, last, 5, List.of(new DailySeries("syndrome", "GI", "Gastro-intestinal", "all",
        values, values)));
  }
}
