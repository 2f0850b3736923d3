package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.privacy.QuotaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker over real HTTP on loopback, with the test playing researcher and sites. */
class BrokerIT {

  @TempDir Path dir;
  private Broker broker;

  private static final Submission QUERY = TestQueries.FEASIBILITY;

  private Broker start(QuotaPolicy quota) {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withQuota(quota));
    return broker;
  }

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private BrokerClient client(String key) {
    return BrokerClient.of(broker.localUri(), key);
  }

  private BrokerClient operator() throws Exception {
    return client(Files.readString(dir.resolve("operator.key")));
  }

  @Test
  void firstStartWritesAnOwnerOnlyOperatorKeyAndLaterStartsDoNot() throws Exception {
    start(QuotaPolicy.defaults());
    Path key = broker.newOperatorKey().orElseThrow();
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    broker.close();
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    assertThat(broker.newOperatorKey()).isEmpty();
    assertThat(operator().principals().orThrow()).extracting(p -> p.name()).containsExactly("operator");
  }

  @Test
  void lifecycleMergeDuplicateUploadsAndRestart() throws Exception {
    start(QuotaPolicy.defaults());
    BrokerClient op = operator();
    BrokerClient alice = client(op.addResearcher("alice").orThrow().key());
    List<BrokerClient> sites = List.of(
        client(op.addSite("a").orThrow().key()), client(op.addSite("b").orThrow().key()),
        client(op.addSite("c").orThrow().key()));

    RequestView submitted = alice.submit(QUERY).orThrow();
    assertThat(submitted.sites()).extracting(s -> s.status()).containsOnly(SiteStatus.QUEUED);
    List<RequestDocument> got = sites.get(0).poll(Duration.ofSeconds(5), false).orThrow();
    assertThat(got).extracting(RequestDocument::id).containsExactly(submitted.id());
    assertThat(got.get(0).researcher()).isEqualTo("alice");
    assertThat(sites.get(0).poll(Duration.ofMillis(100), false).orThrow()).isEmpty();

    String id = submitted.id();
    sites.get(0).status(id, new StatusUpdate(SiteStatus.PROCESSING, null)).orThrow();
    assertThat(sites.get(0).upload(id, SiteResult.total(Count.of(40))).status()).isEqualTo(201);
    assertThat(sites.get(0).upload(id, SiteResult.total(Count.of(40))).status()).isEqualTo(200);
    assertThat(sites.get(0).upload(id, SiteResult.total(Count.of(50))).status()).isEqualTo(409);

    int port = broker.port();
    broker.close();
    broker = Broker.start(BrokerConfig.of(dir, port).withHost("127.0.0.1"));
    BrokerClient alice2 = alice;
    List<BrokerClient> sites2 = sites;
    assertThat(sites2.get(1).poll(Duration.ofSeconds(1), false).orThrow()).hasSize(1);
    sites2.get(1).upload(id, SiteResult.total(Count.of(30))).orThrow();
    sites2.get(2).poll(Duration.ofSeconds(1), false).orThrow();
    sites2.get(2).upload(id, SiteResult.total(Count.of(60))).orThrow();

    RequestView done = alice2.request(id, Duration.ofSeconds(5)).orThrow();
    assertThat(done.done()).isTrue();
    assertThat(done.result().total().value()).isEqualTo(130);
    assertThat(done.result().sites()).hasSize(3).allSatisfy(s -> assertThat(s.label()).startsWith("site-"));
    assertThat(done.result().sites()).extracting(s -> s.count()).containsExactlyInAnyOrder(40L, 30L, 60L);
    assertThat(alice2.request(id, Duration.ZERO).orThrow().result()).isEqualTo(done.result());
  }

  @Test
  void smallTotalsAndBreakdownsAreHidden() throws Exception {
    start(QuotaPolicy.defaults());
    BrokerClient op = operator();
    BrokerClient alice = client(op.addResearcher("alice").orThrow().key());
    BrokerClient a = client(op.addSite("a").orThrow().key());
    BrokerClient b = client(op.addSite("b").orThrow().key());
    String id = alice.submit(QUERY).orThrow().id();
    a.upload(id, SiteResult.total(Count.of(10))).orThrow();
    b.upload(id, SiteResult.total(Count.suppressed())).orThrow();
    RequestView v = alice.request(id, Duration.ofSeconds(5)).orThrow();
    assertThat(v.result().total().text()).isEqualTo("< 20");
    assertThat(v.result().sites()).isEmpty();
    assertThat(v.result().sitesSuppressed()).isEqualTo(1);
    assertThat(WireJson.write(v.result())).contains("\"total\":\"< 20\"");
  }

  @Test
  void everyAuthorisationFailure() throws Exception {
    start(QuotaPolicy.defaults());
    BrokerClient op = operator();
    BrokerClient alice = client(op.addResearcher("alice").orThrow().key());
    BrokerClient bob = client(op.addResearcher("bob").orThrow().key());
    BrokerClient siteA = client(op.addSite("a").orThrow().key());
    BrokerClient siteB = client(op.addSite("b").orThrow().key());
    String id = alice.submit(QUERY).orThrow().id();

    assertThat(client("drk_wrong").submit(QUERY).status()).isEqualTo(401);
    assertThat(BrokerClient.of(broker.localUri(), "").raw("GET", "/v1/admin/principals", null).statusCode()).isEqualTo(401);
    assertThat(siteA.submit(QUERY).status()).isEqualTo(403);
    assertThat(alice.poll(Duration.ZERO, false).status()).isEqualTo(403);
    assertThat(alice.addSite("x").status()).isEqualTo(403);
    assertThat(op.submit(QUERY).status()).isEqualTo(403);
    Reply<RequestView> other = bob.request(id, Duration.ZERO);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.problem().detail().replace(id, "ID"))
        .isEqualTo(bob.request("no-such-id", Duration.ZERO).problem().detail().replace("no-such-id", "ID"));

    op.revoke("b").orThrow();
    assertThat(siteB.poll(Duration.ZERO, false).status()).isEqualTo(401);
    op.addSite("c").orThrow();
    assertThat(siteA.upload("no-such-id", SiteResult.total(Count.of(1))).status()).isEqualTo(404);
  }

  @Test
  void malformedPayloadsNameTheField() throws Exception {
    start(QuotaPolicy.defaults());
    BrokerClient alice = client(operator().addResearcher("alice").orThrow().key());
    var r = alice.raw("POST", "/v1/requests", "{\"type\":\"stratified\",\"stratify\":[\"sex\",\"colour\"],\"query\":{}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(r.body()).contains("\"field\":\"$.stratify[1]\"").contains("DR-5400");
    assertThat(alice.raw("POST", "/v1/requests", "{\"type\":\"feasibility\"}").body()).contains("\"field\":\"$.query\"");
    assertThat(alice.raw("POST", "/v1/requests", "not json").body()).contains("\"field\":\"$\"");
  }

  @Test
  void quotaExhaustionAnswers429WithRetryAfter() throws Exception {
    start(new QuotaPolicy(3, 50));
    BrokerClient alice = client(operator().addResearcher("alice").orThrow().key());
    for (int i = 0; i < 3; i++) {
      alice.submit(QUERY).orThrow();
    }
    Reply<RequestView> refused = alice.submit(QUERY);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
    assertThat(refused.problem().code()).isEqualTo("DR-5429");
  }

  @Test
  void unansweredSitesExpireAndLateAnswersAreRefused() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(java.time.Clock.systemUTC(), Duration.ofMillis(100)));
    BrokerClient op = operator();
    BrokerClient alice = client(op.addResearcher("alice").orThrow().key());
    BrokerClient a = client(op.addSite("a").orThrow().key());
    String id = alice.submit(QUERY.withExpiry(1)).orThrow().id();
    a.poll(Duration.ofSeconds(1), false).orThrow();
    RequestView v = alice.request(id, Duration.ofSeconds(5)).orThrow();
    assertThat(v.done()).isTrue();
    assertThat(v.sites()).extracting(s -> s.status()).containsExactly(SiteStatus.EXPIRED);
    assertThat(a.upload(id, SiteResult.total(Count.of(30))).status()).isEqualTo(409);
  }

  @Test
  void openApiDocumentIsServedWithoutAKey() throws Exception {
    start(QuotaPolicy.defaults());
    var r = client("none").raw("GET", "/v1/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    var doc = WireJson.mapper().readTree(r.body());
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("paths").has("/v1/node/requests")).isTrue();
  }

  @Test
  void tamperingWithTheAuditLogIsDetected() throws Exception {
    start(QuotaPolicy.defaults());
    BrokerClient op = operator();
    BrokerClient alice = client(op.addResearcher("alice").orThrow().key());
    op.addSite("a").orThrow();
    alice.submit(QUERY).orThrow();
    assertThat(op.raw("GET", "/v1/admin/audit/verify", null).body()).contains("\"intact\":true");
    broker.close();
    broker = null;
    assertThat(Broker.verifyAudit(dir, List.of()).intact()).isTrue();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(dir))) {
      c.createStatement().execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2");
    }
    assertThat(Broker.verifyAudit(dir, List.of()).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("entry 2"));
  }
}
