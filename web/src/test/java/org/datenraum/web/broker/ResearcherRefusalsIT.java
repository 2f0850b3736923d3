package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.privacy.QuotaPolicy;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.web.EnglishLeaks;
import org.datenraum.web.research.Draft;
import org.datenraum.web.research.DraftCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the researcher's pages, over real HTTP (a broker with a quota of two per minute and
 * one site that never answers): each gets a clear message and changes nothing.
 */
class ResearcherRefusalsIT {

  @TempDir static Path dir;
  static Broker broker;
  static BrokerClient operator;
  static String alice;
  static String bob;

  static final String E11 = DraftCodec.encode(Draft.of(new CcdlQuery(null, null, java.util.List.of(java.util.List.of(
      Criterion.of(new TermCode("fdpg.mii.cds", "Diagnose", null, null),
          TermCode.of("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11")))), java.util.List.of())));

  @BeforeAll
  static void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir.resolve("broker"), 0).withQuota(new QuotaPolicy(2, 50)),
        new BrokerConfig.Runtime(Clock.systemUTC(), Duration.ofSeconds(1)),
        BrokerPortal.of(Clock.systemUTC(), new SecureRandom()));
    operator = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("broker/operator.key")).strip());
    alice = operator.addResearcher("alice").orThrow().key();
    bob = operator.addResearcher("bob").orThrow().key();
    operator.addSite("klinikum-a").orThrow();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static Browserless signedIn(String key) {
    Browserless b = new Browserless(broker.localUri());
    assertThat(b.signIn(key).statusCode()).isEqualTo(303);
    b.get("/research/query");
    return b;
  }

  private static Map<String, String> add(Browserless b, String term, String comparator, String value) {
    return Map.of("_csrf", b.csrf, "q", E11, "term", term, "comparator", comparator, "value", value, "place", "in:new");
  }

  @Test
  void anUnknownTermAndAValueFilterWithoutANumberAreRefusedAndTheQueryStays() {
    Browserless b = signedIn(alice);
    HttpResponse<String> unknown = b.post("/research/query/add", add(b, "icd:X99.9", "", ""));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("DR-7020").contains("X99.9").contains("Diabetes mellitus, Typ 2");
    HttpResponse<String> noNumber = b.post("/research/query/add", add(b, "age", "ge", " "));
    assertThat(noNumber.statusCode()).isEqualTo(400);
    assertThat(noNumber.body()).contains("DR-7022").contains("value=\"" + E11 + "\"");
    HttpResponse<String> notNumber = b.post("/research/query/add", add(b, "age", "ge", "sixty"));
    assertThat(notNumber.body()).contains("DR-7022").contains("sixty");
    HttpResponse<String> ok = b.post("/research/query/add", add(b, "age", "ge", "60,5"));
    assertThat(ok.statusCode()).isEqualTo(303);
    String q = java.net.URLDecoder.decode(ok.headers().firstValue("Location").orElseThrow().split("q=")[1],
        StandardCharsets.UTF_8);
    CcdlQuery built = DraftCodec.decode(q).value().query().orElseThrow();
    assertThat(built.inclusion()).hasSize(2);
    assertThat(built.inclusion().get(1).get(0).valueFilter().toString()).contains("60.5").contains("GE");
  }

  @Test
  void aMalformedOrForeignUploadIsRefusedAndTheQueryStays() {
    Browserless b = signedIn(alice);
    for (String[] c : new String[][] {{"{ not json", "DR-7025"}, {"{\"resourceType\":\"Bundle\",\"type\":\"batch\"}",
        "DR-7025"}, {"{\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Fantasie\"},"
        + "\"termCodes\":[{\"system\":\"x\",\"code\":\"y\"}]}]]}", "DR-7026"}}) {
      HttpResponse<String> r = b.upload("/research/query/upload", Map.of("_csrf", b.csrf, "q", E11), "q.json",
          c[0].getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(r.body()).as(c[0]).contains(c[1]).contains("value=\"" + E11 + "\"").contains("Die hochgeladene");
      EnglishLeaks.assertNone(r.body());
    }
    HttpResponse<String> good = b.upload("/research/query/upload", Map.of("_csrf", b.csrf, "q", ""), "q.json",
        ("{\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},"
            + "\"termCodes\":[{\"system\":\"http://fhir.de/CodeSystem/bfarm/icd-10-gm\",\"code\":\"I10\"}]}]]}")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(good.statusCode()).isEqualTo(303);
    HttpResponse<String> editor = b.get(good.headers().firstValue("Location").orElseThrow());
    assertThat(editor.body()).contains("Patienten mit Essentielle (primäre) Hypertonie.");
  }

  @Test
  void anotherResearchersRequestIsNotFoundAndShowsNothingOfIt() {
    String id = BrokerClient.of(broker.localUri(), bob).submit(org.datenraum.federation.v1.Submission.feasibility(
        org.datenraum.query.ccdl.CcdlWriter.tree(DraftCodec.decode(E11).value().query().get()))).orThrow().id();
    Browserless b = signedIn(alice);
    HttpResponse<String> r = b.get("/research/requests/" + id);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("DR-5404 Der Broker findet `" + id + "` nicht").doesNotContain("klinikum-a");
    EnglishLeaks.assertNone(r.body());
    assertThat(b.get("/research/requests/" + id + "/status").statusCode()).isEqualTo(404);
    assertThat(b.get("/research/requests").body()).doesNotContain(id);
  }

  @Test
  void theQuotaReachedSaysWhenAskingIsPossibleAgain() {
    Browserless b = signedIn(bob);
    int accepted = 0;
    HttpResponse<String> r = null;
    for (int i = 0; i < 3; i++) {
      r = b.post("/research/query/submit", Map.of("_csrf", b.csrf, "q", E11));
      if (r.statusCode() == 303) {
        accepted++;
      }
    }
    assertThat(accepted).as("bob asked once in another test at most").isBetween(1, 2);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("DR-7030").containsPattern("erneut fragen ab \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"
        + " \\(in \\d+ s\\)");
    assertThat(BrokerClient.of(broker.localUri(), bob).requests(100, null).orThrow().requests()).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void aKeyRevokedDuringTheSessionEndsItWithAMessage() {
    String carol = operator.addResearcher("carol").orThrow().key();
    Browserless b = signedIn(carol);
    assertThat(b.get("/research/requests").statusCode()).isEqualTo(200);
    assertThat(operator.revoke("carol").status()).isEqualTo(204);
    HttpResponse<String> r = b.get("/research/requests");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("DR-7012 Ihr Schlüssel wird nicht mehr angenommen");
    EnglishLeaks.assertNone(r.body());
    assertThat(b.get("/research/requests").statusCode()).as("the session ended").isEqualTo(303);
    String refused = b.signIn(carol).body();
    assertThat(refused).contains("DR-7010 Der Schlüssel ist unbekannt oder widerrufen");
    EnglishLeaks.assertNone(refused);
    String site = b.signIn(operator.addSite("klinikum-b").orThrow().key()).body();
    assertThat(site).contains("DR-7011 `klinikum-b` ist der Schlüssel eines Standorts");
    EnglishLeaks.assertNone(site);
    Browserless english = new Browserless(broker.localUri());
    english.get("/signin?lang=en");
    assertThat(english.post("/signin", Map.of("_csrf", english.csrf, "key", carol)).body())
        .contains("DR-7010 The key is unknown or revoked");
  }
}
