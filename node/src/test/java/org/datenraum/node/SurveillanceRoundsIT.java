package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.StartedRound;
import org.datenraum.federation.v1.SurveillanceDays;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.surveillance.syndromic.AgeGroup;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.MinimumCellSize;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.datenraum.surveillance.syndromic.SiteCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surveillance rounds at the node, over HTTP with an in-process broker: rule, parts, refusal and failure. */
class SurveillanceRoundsIT {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final LocalDate DATA_END = LocalDate.of(2025, 6, 30);

  @TempDir Path dir;
  private Broker broker;
  private final List<Node> nodes = new ArrayList<>();
  /** The broker as the site started last sees it (with its key). */
  private BrokerClient lastSite;

  /** One GI series whose daily count is the day's index modulo 7 (so 1 to 4 occur and are withheld). */
  private static final DailyCountsSource SITE = new DailyCountsSource() {
    @Override
    public Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through) {
      LocalDate last = through.isBefore(DATA_END) ? through : DATA_END;
      if (last.isBefore(from)) {
        return Result.ok(Optional.empty());
      }
      int days = (int) ChronoUnit.DAYS.between(from, last) + 1;
      int[][][] counts = new int[1][AgeGroup.values().length][days];
      int[][][] denominators = new int[1][AgeGroup.values().length][days];
      for (int d = 0; d < days; d++) {
        counts[0][AgeGroup.ALL.ordinal()][d] = (int) (from.plusDays(d).toEpochDay() % 7);
        denominators[0][AgeGroup.ALL.ordinal()][d] = 40;
      }
      SiteCounts c = SiteCounts.of("site", from, last, List.of(new Indicator(Indicator.Kind.SYNDROME, "GI", "GI")),
          counts, denominators);
      return Result.ok(Optional.of(c.release(new MinimumCellSize(5))));
    }

    @Override
    public String policy() {
      return "test";
    }
  };

  @AfterEach
  void stop() {
    nodes.forEach(Node::close);
    if (broker != null) {
      broker.close();
    }
  }

  private Node node(BrokerClient operator, String site, Set<RequestType> auto, DailyCountsSource source) {
    String key = operator.addSite(site).orThrow().key();
    lastSite = BrokerClient.of(broker.localUri(), key);
    NodeConfig config = NodeConfig.defaults().withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)))
        .withAutoApprove(auto);
    Node n = Node.start(config, new NodeParts(Cohorts.reference(TestSites.site(1, 0, 0)), Mappings.builtIn(),
        BrokerClient.of(broker.localUri(), key), new NodeDirectory(dir.resolve(site)), Clock.systemUTC(),
        new SplittableRandom(1)), source);
    nodes.add(n);
    return n;
  }

  @Test
  void aRoundIsAnsweredByRuleInPartsRejectedWithoutTheRuleAndFailedWithoutData() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir.resolve("broker"), 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC),
            Duration.ofMillis(100)));
    BrokerClient operator = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("broker/operator.key")));
    assertThat(operator.startRound(null).status()).as("no standing request yet").isEqualTo(409);
    operator.standing(StandingSurveillance.from(START)).orThrow();
    node(operator, "ruled", Set.of(RequestType.SURVEILLANCE), SITE);
    node(operator, "plain", Set.of(RequestType.FEASIBILITY), SITE);
    node(operator, "empty", Set.of(RequestType.SURVEILLANCE), DailyCountsSource.none());
    StartedRound round = operator.startRound(LocalDate.of(2025, 5, 31)).orThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!round.done() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      round = operator.round(round.id()).orThrow();
    }
    assertThat(round.sites()).extracting(SiteState::site, SiteState::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("empty", SiteStatus.FAILED),
        org.assertj.core.groups.Tuple.tuple("plain", SiteStatus.REJECTED),
        org.assertj.core.groups.Tuple.tuple("ruled", SiteStatus.COMPLETED));
    assertThat(round.sites().get(0).message()).contains("DR-5620");
    assertThat(round.sites().get(1).message()).contains("--auto-approve surveillance");
    BrokerClient researcher = BrokerClient.of(broker.localUri(), operator.addResearcher("rki").orThrow().key());
    SurveillanceView view = researcher.surveillance(null, null).orThrow();
    assertThat(view.sites()).extracting(SurveillanceView.Coverage::site, SurveillanceView.Coverage::last)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ruled", LocalDate.of(2025, 5, 31)));
    List<Integer> shown = view.series().stream().filter(s -> "ruled".equals(s.site()) && s.ageGroup().equals("all"))
        .findFirst().orElseThrow().counts();
    for (int d = 0; d < shown.size(); d++) {
      int trueCount = (int) (START.plusDays(d).toEpochDay() % 7);
      assertThat(shown.get(d)).isEqualTo(trueCount >= 1 && trueCount <= 4 ? null : trueCount);
    }
    List<String> released = new ArrayList<>();
    for (AuditEntry e : FileAuditLog.read(dir.resolve("ruled/node/audit.log"))) {
      if (e.action().equals("result.released")) {
        released.add(e.detail());
      }
    }
    assertThat(released).singleElement().asString().startsWith("days=2025-01-01..2025-05-31 parts=2 withheld=");
    assertThat(researcher.submit(new org.datenraum.federation.v1.Submission(RequestType.SURVEILLANCE,
        round.round().toQuery(), List.of(), null, null)).status()).as("researchers cannot start rounds").isEqualTo(400);
  }

  @Test
  void aBrokerStartedAgainOnAnEmptyDatabaseGetsEveryDayAgainAndThenOnlyTheNewOnes() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC);
    Path brokerDir = dir.resolve("broker");
    broker = Broker.start(BrokerConfig.of(brokerDir, 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(clock, Duration.ofMillis(100)));
    BrokerClient operator = BrokerClient.of(broker.localUri(), Files.readString(brokerDir.resolve("operator.key")));
    operator.standing(StandingSurveillance.from(START)).orThrow();
    node(operator, "ruled", Set.of(RequestType.SURVEILLANCE), SITE);
    BrokerClient site = lastSite;
    answered(operator, LocalDate.of(2025, 5, 31));
    assertThat(site.surveillanceDays().orThrow()).isEqualTo(new SurveillanceDays(START, LocalDate.of(2025, 5, 31)));
    nodes.forEach(Node::close);
    nodes.clear();
    broker.close();
    try (var files = Files.walk(brokerDir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    assertThat(dir.resolve("ruled/node/surveillance-sent.json")).as("the node remembers what it sent").exists();

    broker = Broker.start(BrokerConfig.of(brokerDir, 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(clock, Duration.ofMillis(100)));
    operator = BrokerClient.of(broker.localUri(), Files.readString(brokerDir.resolve("operator.key")));
    operator.standing(StandingSurveillance.from(START)).orThrow();
    node(operator, "ruled", Set.of(RequestType.SURVEILLANCE), SITE);
    site = lastSite;
    assertThat(site.surveillanceDays().orThrow()).isEqualTo(new SurveillanceDays(null, null));
    answered(operator, LocalDate.of(2025, 6, 10));
    BrokerClient researcher = BrokerClient.of(broker.localUri(), operator.addResearcher("rki").orThrow().key());
    assertThat(researcher.surveillance(null, null).orThrow().sites())
        .extracting(SurveillanceView.Coverage::first, SurveillanceView.Coverage::last)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(START, LocalDate.of(2025, 6, 10)));
    answered(operator, LocalDate.of(2025, 6, 20));
    assertThat(site.surveillanceDays().orThrow()).isEqualTo(new SurveillanceDays(START, LocalDate.of(2025, 6, 20)));
    List<String> released = new ArrayList<>();
    for (AuditEntry e : FileAuditLog.read(dir.resolve("ruled/node/audit.log"))) {
      if (e.action().equals("result.released")) {
        released.add(e.detail().replaceAll(" parts=.*", ""));
      }
    }
    assertThat(released).containsExactly("days=2025-01-01..2025-05-31", "days=2025-01-01..2025-06-10",
        "days=2025-06-11..2025-06-20");
  }

  /** Starts a round through {@code through} and waits until every site answered it completely. */
  private static void answered(BrokerClient operator, LocalDate through) throws InterruptedException {
    StartedRound round = operator.startRound(through).orThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!round.done() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      round = operator.round(round.id()).orThrow();
    }
    assertThat(round.sites()).extracting(SiteState::status).containsOnly(SiteStatus.COMPLETED);
  }
}
