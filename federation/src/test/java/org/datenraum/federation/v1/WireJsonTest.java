package org.datenraum.federation.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.junit.jupiter.api.Test;

class WireJsonTest {

  private static final String CCDL = "{\"version\":\"http://to_be_decided.com/draft-2/schema#\",\"inclusionCriteria\":[]}";

  @Test
  void documentsRoundTrip() {
    RequestDocument doc = new RequestDocument("r1", "alice", RequestType.STRATIFIED,
        WireJson.mapper().createObjectNode().put("a", 1), List.of(Stratum.SEX, Stratum.YEAR),
        new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11"),
        Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T11:00:00Z"));
    assertThat(WireJson.readList(WireJson.write(List.of(doc)), RequestDocument.class)).containsExactly(doc);
    SiteResult result = new SiteResult(Count.of(120), Map.of("sex", Map.of("female", Count.of(60), "other", Count.suppressed())));
    String json = WireJson.write(result);
    assertThat(json).contains("\"other\":\"suppressed\"").contains("\"total\":120");
    assertThat(WireJson.read(json, SiteResult.class)).isEqualTo(result);
  }

  @Test
  void enumsAreLowerCaseOnTheWire() {
    assertThat(WireJson.write(new StatusUpdate(SiteStatus.INTERACTION, null))).isEqualTo("{\"status\":\"interaction\"}");
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThatThrownBy(() -> WireJson.read("{\"query\":" + CCDL + "}", Submission.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("$.type");
          assertThat(e.getMessage()).contains("`type` is required");
        });
  }

  @Test
  void aBrokenRuleNamesItsField() {
    assertThatThrownBy(() -> WireJson.read("{\"type\":\"stratified\",\"query\":" + CCDL + "}", Submission.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.field()).isEqualTo("$.stratify"));
    assertThatThrownBy(() -> WireJson.read(
        "{\"type\":\"stratified\",\"stratify\":[\"sex\",\"year\"],\"query\":" + CCDL + "}", Submission.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.field()).isEqualTo("$.yearOf"));
  }

  @Test
  void aWrongEnumValueNamesThePath() {
    assertThatThrownBy(() -> WireJson.read(
        "{\"type\":\"stratified\",\"stratify\":[\"sex\",\"colour\"],\"query\":" + CCDL + "}", Submission.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("$.stratify[1]");
          assertThat(e.getMessage()).contains("`colour` is not a stratum");
        });
  }

  @Test
  void timesAreIsoTextAndABadOneNamesTheExpectedForm() {
    Principal p = new Principal("alice", Role.RESEARCHER, Instant.parse("2025-01-31T12:00:00Z"), false);
    assertThat(WireJson.write(p)).contains("\"2025-01-31T12:00:00Z\"");
    assertThat(WireJson.read(WireJson.write(p), Principal.class)).isEqualTo(p);
    assertThatThrownBy(() -> WireJson.read(
        "{\"name\":\"a\",\"role\":\"researcher\",\"created\":\"yesterday\"}", Principal.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("$.created");
          assertThat(e.getMessage()).contains("ISO-8601 instant");
        });
    assertThatThrownBy(() -> WireJson.read(
        "{\"first\":\"31.01.2025\",\"last\":\"2025-02-01\",\"minimumCell\":5,\"series\":[]}",
        DailyCounts.class))
        .isInstanceOfSatisfying(WireFormatException.class,
            e -> assertThat(e.getMessage()).contains("ISO-8601 date"));
  }

  @Test
  void notJsonIsReportedForTheWholeBody() {
    assertThatThrownBy(() -> WireJson.read("{nope", Submission.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.field()).isEqualTo("$"));
  }

  @Test
  void issuedKeysDoNotPrintTheKey() {
    assertThat(new IssuedKey("site-a", Role.SITE, "secret-value").toString()).doesNotContain("secret-value");
  }

  private static WireFormatException refused(String json, Class<?> type) {
    try {
      WireJson.read(json, type);
    } catch (WireFormatException e) {
      assertThat(e.getMessage()).doesNotContainPattern("(java|com|org|jakarta)\\.[a-z]+\\.|[A-Z][a-z]+Exception|jackson"
          + "|[Tt]oken|START_|END_|VALUE_|Cannot deserialize|Unrecognized|Source:|REDACTED");
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void numbersGivenAsTextAreRefused() {
    assertThat(refused("{\"type\":\"feasibility\",\"query\":" + CCDL + ",\"expiresInSeconds\":\"60\"}",
        Submission.class).field()).isEqualTo("$.expiresInSeconds");
    assertThat(refused("{\"start\":\"2025-01-01\",\"dailyAt\":\"06:00\",\"zone\":\"UTC\",\"minimumCell\":\"5\"}",
        StandingSurveillance.class).field()).isEqualTo("$.minimumCell");
    assertThat(refused("{\"total\":\"120\"}", SiteResult.class).field()).isEqualTo("$.total");
    assertThat(refused("{\"name\":42}", NewPrincipal.class).field()).isEqualTo("$.name");
  }

  @Test
  void fractionalSecondsWhereWholeOnesAreExpectedAreRefused() {
    WireFormatException e = refused("{\"type\":\"feasibility\",\"query\":" + CCDL + ",\"expiresInSeconds\":60.5}",
        Submission.class);
    assertThat(e.field()).isEqualTo("$.expiresInSeconds");
    assertThat(e.getMessage()).contains("whole number").contains("`60.5`");
    assertThat(refused("{\"type\":\"feasibility\",\"query\":" + CCDL + ",\"expiresInSeconds\":60.0}",
        Submission.class).field()).isEqualTo("$.expiresInSeconds");
    assertThat(refused("{\"start\":\"2025-01-01\",\"dailyAt\":\"06:00:30.5\",\"zone\":\"UTC\",\"minimumCell\":5}",
        StandingSurveillance.class).field()).isEqualTo("$.dailyAt");
    assertThat(refused("{\"total\":120.5}", SiteResult.class).field()).isEqualTo("$.total");
  }

  @Test
  void trailingGarbageAfterTheValueIsRefused() {
    for (String tail : List.of(" x", "{}", ",", " {\"type\":\"stratified\"}")) {
      WireFormatException e = refused("{\"type\":\"feasibility\",\"query\":" + CCDL + "}" + tail, Submission.class);
      assertThat(e.field()).isEqualTo("$");
      assertThat(e.getMessage()).contains("exactly one JSON document");
    }
  }

  @Test
  void duplicateKeysAreRefusedNamingTheKey() {
    WireFormatException e = refused("{\"type\":\"feasibility\",\"type\":\"stratified\",\"query\":" + CCDL + "}",
        Submission.class);
    assertThat(e.field()).isEqualTo("$.type");
    assertThat(e.getMessage()).contains("appears twice");
    assertThat(refused("{\"total\":10,\"strata\":{\"sex\":{\"female\":10,\"female\":20}}}", SiteResult.class)
        .field()).isEqualTo("$.strata.sex.female");
  }

  @Test
  void nonJsonBodiesAreRefusedInTheWordsOfTheWireFormat() {
    for (String body : List.of("not json", "", "<request type=\"feasibility\"/>", "type=feasibility&query=x",
        "{\"type\":", "{'type':'feasibility'}")) {
      WireFormatException e = refused(body, Submission.class);
      assertThat(e.field()).as(body).isEqualTo("$");
    }
    assertThat(refused("[1,2]", Submission.class).getMessage()).isEqualTo("The body must be a JSON object, not a list.");
    assertThat(refused("\"feasibility\"", Submission.class).getMessage()).contains("must be a JSON object");
    assertThat(refused("null", Submission.class).field()).isEqualTo("$");
    assertThat(refused("{\"type\":[\"feasibility\"],\"query\":" + CCDL + "}", Submission.class).field())
        .isEqualTo("$.type");
  }

  @Test
  void strictReadingStillReadsWhatPeersWrite() {
    Submission s = WireJson.read("{\"type\":\"feasibility\",\"query\":" + CCDL + ",\"expiresInSeconds\":60,"
        + "\"addedByANewerPeer\":{\"x\":1.5}}", Submission.class);
    assertThat(s.expiresInSeconds()).isEqualTo(60L);
    assertThat(WireJson.read(" {\"total\":\"suppressed\"} \n", SiteResult.class).total().isSuppressed()).isTrue();
  }
}
