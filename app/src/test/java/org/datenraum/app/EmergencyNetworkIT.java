package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.app.report.EmergencyReportCommand;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.registry.emergency.MonthlyEmergencyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emergency report through the network: a researcher asks the broker, the node answers the
 * month's cells under its disclosure control (cells below 10 suppressed, the rest near the exact
 * count of the local report), every table in its fixed shape; asked on the portal's reports page,
 * the request's page shows the merged tables with the broker's numbers.
 */
class EmergencyNetworkIT {

  private static final Duration START = Duration.ofSeconds(30);
  private static final YearMonth MONTH = YearMonth.of(2026, 11);

  @TempDir Path root;

  @Test
  void aResearcherGetsTheMonthsCellsUnderDisclosureControl() throws Exception {
    Path site = root.resolve("site");
    Path docs = Files.createDirectories(root.resolve("docs"));
    SyntheticEdDocuments synthetic = new SyntheticEdDocuments(5, MONTH);
    List<String> cda = new ArrayList<>(List.of("cda", "--site", site.toString()));
    for (int n = 0; n < 80; n++) {
      Path f = docs.resolve(n + ".xml");
      Files.writeString(f, synthetic.next(n), StandardCharsets.UTF_8);
      cda.add(f.toString());
    }
    assertThat(Cli.run(cda.toArray(String[]::new)).status()).isZero();
    MonthlyEmergencyReport exact = EmergencyReportCommand.report(new SiteDirectory(site), MONTH,
        new PrintWriter(new StringWriter()));

    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    JsonNode answer;
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      admin(operator, "add-site", "ed", "--out", keys.resolve("ed.key").toString());
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      try (Background node = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          keys.resolve("ed.key").toString(), "--auto-approve", "report")) {
        node.await("polling", START);
        Cli.Run run = Cli.run("submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(), "--wait",
            "--timeout", "30", "--json", "--report", "emergency", "--param", "month=" + MONTH);
        assertThat(run.status()).as(run.err()).isZero();
        answer = new ObjectMapper().readTree(run.out());
        thePortalShowsTheReport(URI.create(url), Files.readString(keys.resolve("alice.key")).strip());
        assertThat(node.stop()).isZero();
      }
      assertThat(broker.stop()).isZero();
    }
    assertThat(answer.get("status").elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
    JsonNode strata = answer.get("strata");
    assertThat(strata.fieldNames()).toIterable().contains("sex", "triage", "time-to-triage", "cedis-group", "pathogen");
    assertThat(strata.get("hour").size()).isEqualTo(25);
    for (String level : List.of("1", "2", "3", "4", "5")) {
      long e = exact.access().triage().count(level);
      JsonNode released = strata.get("triage").get(level);
      if (e < 10) {
        assertThat(released.asText()).as("level %s: exact %d", level, e).isEqualTo("suppressed");
      } else {
        assertThat(Math.abs(released.asLong() - e)).as("level %s: %s for %d", level, released, e).isLessThanOrEqualTo(40);
      }
    }
    assertThat(Math.abs(answer.get("total").asLong() - exact.population().visits())).isLessThanOrEqualTo(40);
  }

  /**
   * The researcher asks for the month on the portal's reports page; the request's page shows the
   * merged triage table with the numbers the broker's API gives for that request.
   */
  private static void thePortalShowsTheReport(URI portal, String key) throws Exception {
    Portal p = new Portal(portal);
    p.get("/signin");
    assertThat(p.post("/signin", Map.of("_csrf", p.csrf, "key", key)).statusCode()).isEqualTo(303);
    assertThat(p.get("/research/reports?report=emergency&lang=en").body()).contains("value=\"emergency\"");
    HttpResponse<String> sent = p.post("/research/reports/submit",
        Map.of("_csrf", p.csrf, "report", "emergency", "p.month", MONTH.toString()));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    Matcher id = Pattern.compile("/research/requests/([A-Za-z0-9_-]+)$")
        .matcher(sent.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    String status = "";
    for (int i = 0; i < 300 && !status.contains("data-done=\"true\""); i++) {
      Thread.sleep(100);
      status = p.get("/research/requests/" + id.group(1) + "/status?lang=en").body();
    }
    assertThat(status).contains("data-done=\"true\"").contains("<caption>Time to triage (minutes)</caption>")
        .contains("<caption>Presenting complaint (CEDIS group)</caption>");
    String triage = status.substring(status.indexOf("<caption>Triage</caption>"));
    triage = triage.substring(0, triage.indexOf("</table>"));
    List<String> shown = new ArrayList<>();
    Matcher row = Pattern.compile("<tr><th scope=\"row\">[^<]*</th><td>([^<]*)</td></tr>").matcher(triage);
    while (row.find()) {
      shown.add(row.group(1).replace("&lt;", "<"));
    }
    RequestView v = BrokerClient.of(portal, key).request(id.group(1), Duration.ZERO).orThrow();
    assertThat(shown).as(triage).isEqualTo(v.result().strata().get("triage").values().stream()
        .map(Object::toString).toList()).hasSize(6);
  }

  /** Keeps the portal's cookies and form token as a browser does. */
  private static final class Portal {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
    String csrf;

    Portal(URI base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      StringBuilder b = new StringBuilder();
      form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
      if (!cookies.isEmpty()) {
        b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      Matcher m = TOKEN.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }
  }

  private static void admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args), connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
  }
}
