package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.ProblemDocument;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error answer is a UTF-8 problem document in the words of the API, whatever went wrong. */
class ProblemDocumentIT {

  private static final String PROBLEM = "application/problem+json; charset=utf-8";
  private static final String INTERNALS = "(java|javax|jakarta|com|org|io)\\.[a-z]+\\.|[A-Z][A-Za-z]+(Exception|Error)\\b"
      + "|jackson|[Tt]oken|START_|VALUE_|Cannot (deserialize|coerce)|Unrecognized|Unexpected character|Source:|<html";

  @TempDir Path dir;
  private Broker broker;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String operator;
  private String alice;

  @BeforeEach
  void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0));
    operator = Files.readString(dir.resolve("operator.key")).strip();
    alice = BrokerClient.of(broker.localUri(), operator).addResearcher("alice").orThrow().key();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private HttpResponse<byte[]> send(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(broker.localUri() + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      b.header("Authorization", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static ProblemDocument problem(HttpResponse<byte[]> r, int status) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(text).doesNotContainPattern(INTERNALS);
    ProblemDocument doc = WireJson.read(text, ProblemDocument.class);
    assertThat(doc.status()).isEqualTo(status);
    assertThat(doc.code()).startsWith("DR-5");
    return doc;
  }

  @Test
  void problemDocumentsAreUtf8() throws Exception {
    HttpResponse<byte[]> r = send("GET", "/v1/requests/m%C3%BCller-%E2%82%AC", "Bearer " + alice, null);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("`müller-€`");
    assertThat(problem(r, 404).detail()).contains("`müller-€`");
  }

  @Test
  void routesThatDoNotExistOrMethodsTheyDoNotTakeAnswerProblemDocuments() throws Exception {
    assertThat(problem(send("GET", "/v1/nothing-here", null, null), 404).detail()).contains("`GET /v1/nothing-here`");
    assertThat(problem(send("GET", "/", null, null), 404).code()).isEqualTo("DR-5404");
    ProblemDocument wrongMethod = problem(send("DELETE", "/v1/requests", "Bearer " + alice, null), 405);
    assertThat(wrongMethod.code()).isEqualTo("DR-5405");
    assertThat(wrongMethod.detail()).contains("`DELETE`").contains("`/v1/requests`");
    assertThat(problem(send("GET", "/v1/requests/x?wait=soon", "Bearer " + alice, null), 400).field()).isEqualTo("wait");
  }

  @Test
  void requestsJettyCannotParseAnswerProblemDocuments() throws Exception {
    for (String head : List.of("GET /v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n",
        "GET /v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n")) {
      try (Socket s = new Socket("127.0.0.1", broker.port())) {
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 4").contains("Content-Type: " + PROBLEM).contains("\"code\":\"DR-5400\"")
            .doesNotContainPattern(INTERNALS);
      }
    }
  }

  @Test
  void malformedPayloadsAreRefusedWithoutClassNamesOrParserWords() throws Exception {
    String q = TestQueries.DIABETES;
    Map<String, String> fields = Map.of(
        "{\"type\":\"feasibility\",\"query\":" + q + ",\"expiresInSeconds\":\"60\"}", "$.expiresInSeconds",
        "{\"type\":\"feasibility\",\"query\":" + q + ",\"expiresInSeconds\":60.5}", "$.expiresInSeconds",
        "{\"type\":\"feasibility\",\"query\":" + q + "} trailing", "$",
        "{\"type\":\"feasibility\",\"type\":\"stratified\",\"query\":" + q + "}", "$.type",
        "type=feasibility", "$",
        "[\"feasibility\"]", "$",
        "", "$",
        "{\"type\":7,\"query\":" + q + "}", "$.type");
    for (var e : fields.entrySet()) {
      ProblemDocument doc = problem(send("POST", "/v1/requests", "Bearer " + alice, e.getKey()), 400);
      assertThat(doc.field()).as(e.getKey()).isEqualTo(e.getValue());
    }
    HttpResponse<byte[]> latin1 = http.send(HttpRequest.newBuilder(URI.create(broker.localUri() + "/v1/admin/sites"))
        .header("Authorization", "Bearer " + operator)
        .POST(BodyPublishers.ofByteArray("{\"name\":\"m\u00fcller\"}".getBytes(StandardCharsets.ISO_8859_1))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(problem(latin1, 400).detail()).contains("UTF-8");
  }

  /** The status line and body of a GET sent as written, over a plain socket (clients may rewrite headers). */
  private String rawGet(String path, String authorization) throws Exception {
    try (Socket s = new Socket("127.0.0.1", broker.port())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theBearerSchemeIsMatchedRegardlessOfCase() throws Exception {
    for (String scheme : List.of("Bearer ", "bearer ", "BEARER ", "bEaReR  ")) {
      assertThat(rawGet("/v1/admin/principals", scheme + operator)).as(scheme).startsWith("HTTP/1.1 200");
    }
    assertThat(rawGet("/v1/admin/principals", "Basic " + operator)).startsWith("HTTP/1.1 401").contains("DR-5401");
    assertThat(rawGet("/v1/admin/principals", "bearer " + operator.toUpperCase())).startsWith("HTTP/1.1 401");
  }

  @Test
  void principalNamesAreUniqueRegardlessOfCase() throws Exception {
    for (String body : List.of("{\"name\":\"Alice\"}", "{\"name\":\"ALICE\"}", "{\"name\":\"OPERATOR\"}")) {
      ProblemDocument doc = problem(send("POST", "/v1/admin/sites", "Bearer " + operator, body), 409);
      assertThat(doc.detail()).contains("unique regardless of case");
    }
    assertThat(send("POST", "/v1/admin/researchers", "Bearer " + operator, "{\"name\":\"alice2\"}").statusCode())
        .isEqualTo(201);
  }
}
