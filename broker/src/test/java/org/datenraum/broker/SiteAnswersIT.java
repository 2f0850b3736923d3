package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a site uploads is checked against the request it answers, over real HTTP. */
class SiteAnswersIT {

  @TempDir Path dir;
  private Broker broker;
  private BrokerClient alice;
  private BrokerClient site;

  @BeforeEach
  void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void aTotalBeyondALongOrTheBoundIsRefusedNotWrapped() {
    String id = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
    // 2^64 + 40: read as a long it wraps to 40
    var wrapped = put(id, "{\"total\":18446744073709551656}");
    assertThat(wrapped.statusCode()).isEqualTo(400);
    assertThat(wrapped.body()).contains("\"field\":\"$.total\"");
    assertThat(put(id, "{\"total\":1000000000000}").statusCode()).isEqualTo(400);
    assertThat(put(id, "{\"total\":-10}").statusCode()).isEqualTo(400);
    assertThat(alice.request(id, Duration.ZERO).orThrow().done()).isFalse();
    assertThat(site.upload(id, SiteResult.total(Count.of(40))).status()).isEqualTo(201);
    assertThat(alice.request(id, Duration.ZERO).orThrow().result().total().value()).isEqualTo(40);
  }

  @Test
  void aReportAnswerIsBoundedInShapeAndItsCellsAreSummedAcrossSites() {
    String id = alice.submit(Submission.report(ReportQuery.of("inventory"))).orThrow().id();
    var badName = site.upload(id, new SiteResult(Count.of(40), Map.of("type", Map.of("<script>", Count.of(10)))));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.problem().code()).isEqualTo("DR-5420");
    Map<String, Map<String, Count>> tooMany = new java.util.HashMap<>();
    for (int i = 0; i <= 100; i++) {
      tooMany.put("t" + i, Map.of("a", Count.of(10)));
    }
    assertThat(site.upload(id, new SiteResult(Count.of(40), tooMany)).status()).isEqualTo(400);
    assertThat(alice.request(id, Duration.ZERO).orThrow().done()).isFalse();

    Map<String, Count> cells = new java.util.LinkedHashMap<>();
    cells.put("Specimen", Count.suppressed());
    cells.put("Condition", Count.of(30));
    var ok = site.upload(id, new SiteResult(Count.of(40), Map.of("resourceType", cells)));
    assertThat(ok.status()).isEqualTo(201);
    RequestView v = alice.request(id, Duration.ZERO).orThrow();
    assertThat(v.result().total().value()).isEqualTo(40);
    assertThat(v.result().strata().get("resourceType").get("Condition").value()).isEqualTo(30);
    assertThat(v.result().strata().get("resourceType").get("Specimen").value()).isNull();
    assertThat(v.result().strata().get("resourceType").keySet()).as("the site's order, not the alphabet's")
        .containsExactly("Specimen", "Condition");
  }

  @Test
  void aReportRequestCarriesAReportQueryAndNoStrata() {
    assertThatThrownBy(() -> new Submission(RequestType.REPORT, TestQueries.FEASIBILITY.query(), List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("report");
    assertThatThrownBy(() -> new Submission(RequestType.REPORT, ReportQuery.of("inventory").toQuery(),
        List.of(Stratum.SEX), null, null)).hasMessageContaining("`stratify` must be empty for a report request");
    assertThatThrownBy(() -> ReportQuery.of("Inventory; drop")).hasMessageContaining("is not a report name");
    assertThatThrownBy(() -> new ReportQuery("emergency", Map.of("month", "2026-11\n<x>")))
        .hasMessageContaining("The value of parameter `month`");
    assertThat(new ReportQuery("emergency", Map.of("month", "2026-11")).parameters()).containsEntry("month", "2026-11");
  }

  @Test
  void aFeasibilityAnswerCarriesNoStrata() {
    String id = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
    var r = site.upload(id, new SiteResult(Count.of(40), Map.of("sex", Map.of("female", Count.of(40)))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.problem().code()).isEqualTo("DR-5420");
    assertThat(r.problem().field()).isEqualTo("$.strata");
    assertThat(alice.request(id, Duration.ZERO).orThrow().result().strata()).isEmpty();
  }

  @Test
  void aStratifiedAnswerCarriesExactlyTheAskedStrataWithTheirCells() {
    Submission bySexAndAge = new Submission(RequestType.STRATIFIED, TestQueries.FEASIBILITY.query(),
        List.of(Stratum.SEX, Stratum.AGE), null, null);
    String id = alice.submit(bySexAndAge).orThrow().id();
    Map<String, Count> sex = Map.of("female", Count.of(30), "male", Count.suppressed());
    Map<String, Count> age = Map.of("60-69", Count.of(20), "100+", Count.suppressed(), "unknown", Count.suppressed());
    List<SiteResult> refused = List.of(
        new SiteResult(Count.of(40), Map.of("sex", sex)),
        new SiteResult(Count.of(40), Map.of("sex", sex, "age", age, "year", Map.of("2024", Count.of(40)))),
        new SiteResult(Count.of(40), Map.of("sex", Map.of("female", Count.of(30), "<script>", Count.of(10)), "age", age)),
        new SiteResult(Count.of(40), Map.of("sex", sex, "age", Map.of("60-75", Count.of(40)))),
        new SiteResult(Count.of(40), Map.of("sex", sex, "age", Map.of("65-74", Count.of(40)))),
        new SiteResult(Count.of(40), Map.of("sex", sex, "age", Map.of("100-", Count.of(40)))));
    for (SiteResult r : refused) {
      assertThat(site.upload(id, r).status()).as(r.toString()).isEqualTo(400);
    }
    assertThat(site.upload(id, new SiteResult(Count.of(40), Map.of("sex", sex, "age", age))).status()).isEqualTo(201);
    RequestView v = alice.request(id, Duration.ZERO).orThrow();
    assertThat(v.result().strata()).containsOnlyKeys("sex", "age");
    assertThat(v.result().strata().get("sex")).containsOnlyKeys("female", "male");
  }

  @Test
  void everyCellOfTheYearStratumIsAcceptedAndNothingElse() {
    Submission byYear = new Submission(RequestType.STRATIFIED, TestQueries.FEASIBILITY.query(), List.of(Stratum.YEAR),
        new org.datenraum.core.Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11"), null);
    String id = alice.submit(byYear).orThrow().id();
    assertThat(site.upload(id, new SiteResult(Count.of(40), Map.of("year", Map.of("2024", Count.of(40),
        "next year", Count.suppressed())))).status()).isEqualTo(400);
    assertThat(site.upload(id, new SiteResult(Count.of(40), Map.of("year", Map.of("earlier", Count.suppressed(),
        "2024", Count.of(40), "later", Count.suppressed(), "unknown", Count.suppressed())))).status()).isEqualTo(201);
  }

  private java.net.http.HttpResponse<String> put(String id, String body) {
    return site.raw("PUT", "/v1/node/requests/" + id + "/result", body);
  }
}
