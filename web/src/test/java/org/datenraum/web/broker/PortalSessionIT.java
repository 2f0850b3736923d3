package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.web.kit.MovingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, the CSRF token and languages of the broker's portal, over real HTTP. */
class PortalSessionIT {

  @TempDir static Path dir;
  static final MovingClock CLOCK = new MovingClock(Instant.parse("2026-03-02T09:00:00Z"));
  static Broker broker;
  static BrokerClient operator;
  static String alice;
  static String site;

  @BeforeAll
  static void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir.resolve("broker"), 0),
        new BrokerConfig.Runtime(java.time.Clock.systemUTC(), Duration.ofSeconds(1)),
        BrokerPortal.of(CLOCK, new SecureRandom()));
    operator = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("broker/operator.key")).strip());
    alice = operator.addResearcher("alice").orThrow().key();
    site = operator.addSite("klinikum-a").orThrow().key();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void theSignInPageSetsAnHttpOnlyStrictSessionCookieAndSpeaksGermanByDefault() {
    Browserless b = new Browserless(broker.localUri());
    HttpResponse<String> r = b.get("/signin");
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dr_session=")).findFirst()
        .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
    assertThat(r.body()).contains("<html lang=\"de\"").contains("Anmelden");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
    assertThat(b.get("/signin?lang=en").body()).contains("<html lang=\"en\"").contains("Sign in");
    assertThat(b.get("/signin").body()).as("the language is kept").contains("<html lang=\"en\"");
    assertThat(b.get("/signin?next=%2Fresearch%2Frequests&lang=de").body()).as("the other language's link keeps the query")
        .contains("href=\"/signin?next=%2Fresearch%2Frequests&amp;lang=en\"");
  }

  @Test
  void aResearcherSignsInWithANewSessionIdSeesOwnRequestsAndSignsOut() {
    Browserless b = new Browserless(broker.localUri());
    b.get("/signin");
    String before = b.cookies.get("dr_session");
    HttpResponse<String> in = b.post("/signin", Map.of("_csrf", b.csrf, "key", alice));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/research/query");
    assertThat(b.cookies.get("dr_session")).isNotEqualTo(before);
    HttpResponse<String> list = b.get("/research/requests");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("alice").contains("Meine Anfragen");
    assertThat(b.post("/signout", Map.of("_csrf", b.csrf)).statusCode()).isEqualTo(303);
    HttpResponse<String> after = b.get("/research/requests");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location").orElseThrow()).startsWith("/signin");
  }

  @Test
  void aPostWithoutTheTokenOrWithAnotherSessionsTokenIsRefusedAndSignsNobodyIn() {
    Browserless b = new Browserless(broker.localUri());
    b.get("/signin");
    HttpResponse<String> none = b.post("/signin", Map.of("key", alice));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("DR-7001");
    Browserless other = new Browserless(broker.localUri());
    other.get("/signin");
    HttpResponse<String> foreign = b.post("/signin", Map.of("_csrf", other.csrf, "key", alice));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(b.get("/research/requests").statusCode()).isEqualTo(303);
  }

  @Test
  void wrongAndSiteKeysAreRefusedWithAMessage() {
    Browserless b = new Browserless(broker.localUri());
    HttpResponse<String> wrong = b.signIn("drk_not-a-key");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("DR-7010");
    HttpResponse<String> siteKey = b.signIn(site);
    assertThat(siteKey.statusCode()).isEqualTo(401);
    assertThat(siteKey.body()).contains("DR-7011").contains("klinikum-a");
    assertThat(b.get("/research/requests").statusCode()).isEqualTo(303);
  }

  @Test
  void aResearcherCannotOpenTheOperatorsPages() {
    Browserless b = new Browserless(broker.localUri());
    b.signIn(alice);
    HttpResponse<String> r = b.get("/operator/principals");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("DR-7005").doesNotContain("klinikum-a");
  }

  @Test
  void anIdleSessionExpiresAndAPostThenChangesNothing() {
    Browserless b = new Browserless(broker.localUri());
    b.signIn(alice);
    assertThat(b.get("/research/requests").statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(31));
    HttpResponse<String> r = b.get("/research/requests");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/signin?expired=1");
    assertThat(b.get("/signin?expired=1").body()).contains("DR-7003");
  }

  @Test
  void theApiBesideThePagesIsUnchanged() {
    var r = BrokerClient.of(broker.localUri(), alice).me();
    assertThat(r.isOk()).isTrue();
    assertThat(r.value().name()).isEqualTo("alice");
    assertThat(BrokerClient.of(broker.localUri(), alice).raw("POST", "/v1/requests", "{}").headers()
        .firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
  }
}
