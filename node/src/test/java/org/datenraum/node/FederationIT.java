package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker and three or four site nodes over real HTTP on 127.0.0.1. */
class FederationIT {

  @TempDir Path tmp;
  private Network net;

  private static final Submission DIABETES = Submission.feasibility(json(TestSites.DIABETES_QUERY));

  @BeforeEach
  void network() throws Exception {
    net = new Network(tmp);
    for (String s : List.of("a", "b", "c")) {
      net.register(s);
    }
  }

  @AfterEach
  void close() {
    net.close();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String s) {
    try {
      return WireJson.mapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SiteStatus status(RequestView v, String site) {
    return v.sites().stream().filter(s -> s.site().equals(site)).map(SiteState::status).findFirst().orElseThrow();
  }

  private static long released(Network net, String site, String id) {
    return net.dir(site).find(id).orElseThrow().released().total().value();
  }

  @Test
  void threeSitesAnswerAndTheBrokerMergesTheProtectedCounts() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 2);
    net.startAuto("c", Cohorts.reference(TestSites.site(3, 80, 0)), 3);
    RequestView v = net.researcher.submit(DIABETES).orThrow();
    RequestView done = net.researcher.request(v.id(), Duration.ofSeconds(10)).orThrow();
    assertThat(done.done()).isTrue();
    assertThat(done.sites()).extracting(SiteState::status).containsOnly(SiteStatus.COMPLETED);
    long a = released(net, "a", v.id());
    long b = released(net, "b", v.id());
    long c = released(net, "c", v.id());
    assertThat(List.of(a, b, c)).allSatisfy(x -> assertThat(x % 10).isZero());
    assertThat(a).isBetween(30L, 90L);
    assertThat(done.result().total().value()).isEqualTo(a + b + c);
    assertThat(done.result().sites()).extracting(s -> s.count()).containsExactlyInAnyOrder(a, b, c);
    assertThat(done.result().sites()).extracting(s -> s.label()).doesNotContain("a", "b", "c");
  }

  @Test
  void aRepeatedQuestionGetsTheIdenticalNoisyAnswerEvenAfterARestart() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 11);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 12);
    net.startAuto("c", Cohorts.reference(TestSites.site(3, 80, 0)), 13);
    String first = net.researcher.submit(DIABETES).orThrow().id();
    long total = net.researcher.request(first, Duration.ofSeconds(10)).orThrow().result().total().value();
    net.stop("a");
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 999);
    for (int i = 0; i < 3; i++) {
      String again = net.researcher.submit(DIABETES).orThrow().id();
      RequestView v = net.researcher.request(again, Duration.ofSeconds(10)).orThrow();
      assertThat(v.done()).isTrue();
      assertThat(v.result().total().value()).isEqualTo(total);
      assertThat(released(net, "a", again)).isEqualTo(released(net, "a", first));
    }
  }

  @Test
  void countsBelowTheThresholdNeverLeaveTheSite() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 5, 0)), 2);
    net.startAuto("c", Cohorts.reference(TestSites.site(3, 9, 0)), 3);
    String id = net.researcher.submit(DIABETES).orThrow().id();
    RequestView done = net.researcher.request(id, Duration.ofSeconds(10)).orThrow();
    assertThat(done.result().sitesSuppressed()).isEqualTo(2);
    assertThat(done.result().total().value()).isEqualTo(released(net, "a", id));
    assertThat(done.result().sites()).isEmpty();
    for (String site : List.of("b", "c")) {
      assertThat(net.dir(site).find(id).orElseThrow().released().total().isSuppressed()).isTrue();
      String audit = Files.readString(net.dir(site).auditLog());
      assertThat(audit).contains("\\\"total\\\":\\\"suppressed\\\"");
    }
  }

  @Test
  void consentDenialsAreNotCounted() throws Exception {
    var store = TestSites.site(4, 50, 30, 5);
    Plan plan = org.datenraum.query.CcdlCompiler.of(org.datenraum.query.mapping.Mappings.builtIn())
        .compile(org.datenraum.query.ccdl.CcdlParser.parse(TestSites.DIABETES_QUERY).value()).value();
    Cohorts cohorts = Cohorts.reference(store);
    assertThat(cohorts.select(plan, LocalDate.of(2025, 1, 1), ConsentPolicy.EXCLUDE_DENIED)).hasSize(20);
    assertThat(cohorts.select(plan, LocalDate.of(2025, 1, 1), ConsentPolicy.REQUIRE_PERMIT)).hasSize(15);
  }

  @Test
  void stratifiedCountsBySexAgeAndYear() throws Exception {
    for (String s : List.of("a", "b", "c")) {
      net.startAuto(s, Cohorts.reference(TestSites.site(s.charAt(0), 300, 0)), s.charAt(0));
    }
    Submission strat = new Submission(RequestType.STRATIFIED, json(TestSites.DIABETES_QUERY),
        List.of(Stratum.SEX, Stratum.AGE, Stratum.YEAR), TestSites.DIABETES, null);
    String id = net.researcher.submit(strat).orThrow().id();
    RequestView done = net.researcher.request(id, Duration.ofSeconds(10)).orThrow();
    assertThat(done.result().strata()).containsOnlyKeys("sex", "age", "year");
    // every cell of every stratum, also where no patient falls: the empty ones hidden
    assertThat(done.result().strata().get("sex")).containsOnlyKeys("female", "male", "other", "unknown");
    assertThat(done.result().strata().get("sex").get("other").value()).isNull();
    assertThat(done.result().strata().get("year")).hasSize(23).containsKeys("earlier", "later", "unknown");
    assertThat(done.result().strata().get("year").get("later").value()).isNull();
    assertThat(done.result().strata().get("age")).hasSize(12).containsKeys("0-9", "100+", "unknown");
    assertThat(done.result().strata().get("age").get("0-9").value()).isNull();
    long female = done.result().strata().get("sex").get("female").value();
    assertThat(female).isBetween(300L, 600L);
  }

  @Test
  void manualApprovalAndRejection() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 2);
    net.start("c", Cohorts.reference(TestSites.site(3, 80, 0)), Network.FAST, 3);
    String approved = net.researcher.submit(DIABETES).orThrow().id();
    String rejected = net.researcher.submit(DIABETES).orThrow().id();
    net.await(approved, v -> status(v, "c") == SiteStatus.INTERACTION);
    net.await(rejected, v -> status(v, "c") == SiteStatus.INTERACTION);
    assertThat(net.local("c")).extracting(LocalRequest::state).containsOnly(LocalState.AWAITING_APPROVAL);

    net.dir("c").decide(approved, new Decision(true, "dora", null));
    net.dir("c").decide(rejected, new Decision(false, "dora", "not covered by our ethics vote"));
    RequestView a = net.researcher.request(approved, Duration.ofSeconds(10)).orThrow();
    RequestView r = net.researcher.request(rejected, Duration.ofSeconds(10)).orThrow();
    assertThat(status(a, "c")).isEqualTo(SiteStatus.COMPLETED);
    assertThat(status(r, "c")).isEqualTo(SiteStatus.REJECTED);
    assertThat(r.sites().stream().filter(s -> s.site().equals("c")).findFirst().orElseThrow().message())
        .isEqualTo("not covered by our ethics vote");
    assertThat(Files.readString(net.dir("c").auditLog())).contains("person:dora").contains("request.rejected");
  }

  @Test
  void aNodeThatIsDownAtSubmissionAnswersWhenItComesBack() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 2);
    String id = net.researcher.submit(DIABETES).orThrow().id();
    net.await(id, v -> status(v, "a") == SiteStatus.COMPLETED && status(v, "b") == SiteStatus.COMPLETED);
    assertThat(status(net.researcher.request(id, Duration.ZERO).orThrow(), "c")).isEqualTo(SiteStatus.QUEUED);
    net.startAuto("c", Cohorts.reference(TestSites.site(3, 80, 0)), 3);
    assertThat(net.researcher.request(id, Duration.ofSeconds(10)).orThrow().done()).isTrue();
  }

  @Test
  void aNodeKilledWhileProcessingAnswersAfterItsRestart() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 2);
    CountDownLatch entered = new CountDownLatch(1);
    Cohorts stuck = new Cohorts() {
      @Override
      public List<PatientRecord> select(Plan plan, LocalDate date, ConsentPolicy consent) {
        entered.countDown();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("killed");
      }

      @Override
      public Map<String, Integer> firstYear(java.util.Set<String> patients, Coding code) {
        return Map.of();
      }
    };
    net.startAuto("c", stuck, 3);
    String id = net.researcher.submit(DIABETES).orThrow().id();
    assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    net.await(id, v -> status(v, "c") == SiteStatus.PROCESSING);
    net.stop("c");
    net.startAuto("c", Cohorts.reference(TestSites.site(3, 80, 0)), 3);
    RequestView done = net.await(id, RequestView::done);
    assertThat(status(done, "c")).isEqualTo(SiteStatus.COMPLETED);
  }

  @Test
  void aBrokerRestartInTheMiddleOfARequestLosesNothing() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    net.startAuto("b", Cohorts.reference(TestSites.site(2, 45, 0)), 2);
    net.start("c", Cohorts.reference(TestSites.site(3, 80, 0)), Network.FAST, 3);
    String id = net.researcher.submit(DIABETES).orThrow().id();
    net.await(id, v -> status(v, "c") == SiteStatus.INTERACTION && status(v, "a") == SiteStatus.COMPLETED);
    net.stopBroker();
    net.dir("c").decide(id, new Decision(true, "dora", null));
    Thread.sleep(500);
    net.startBroker();
    RequestView done = net.await(id, RequestView::done);
    assertThat(done.sites()).extracting(SiteState::status).containsOnly(SiteStatus.COMPLETED);
    assertThat(done.result().sitesReporting()).isEqualTo(3);
  }

  @Test
  void aTamperedNodeAuditLogIsDetected() throws Exception {
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    String id = net.researcher.submit(DIABETES).orThrow().id();
    net.await(id, v -> status(v, "a") == SiteStatus.COMPLETED);
    net.stop("a");
    NodeDirectory dir = net.dir("a");
    Path log = dir.auditLog();
    assertThat(FileAuditLog.verify(log, dir.auditKey(), dir.auditHead(), List.of()).intact()).isTrue();
    String text = Files.readString(log);
    Files.writeString(log, text.replaceFirst("\"actor\":\"alice\"", "\"actor\":\"bob\""));
    assertThat(FileAuditLog.verify(log, dir.auditKey(), dir.auditHead(), List.of()).intact()).isFalse();
  }
}
