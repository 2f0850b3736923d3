package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.node.InventoryReport;
import org.datenraum.registry.biosamples.AvailabilityReport;
import org.datenraum.web.EnglishLeaks;
import org.datenraum.web.PortalNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry reports page over plain HTTP, against a broker and one small generated site: a
 * report submitted from the page reaches the site and its merged tables show; bad parameters are
 * refused and send nothing.
 */
class ReportPageIT {

  private static final Pattern ID = Pattern.compile("/research/requests/([A-Za-z0-9_-]+)$");
  private static final Pattern ROW = Pattern.compile("<tr><th scope=\"row\">([^<]*)</th><td>([^<]*)</td></tr>");

  @TempDir static Path dir;
  static PortalNetwork network;
  static BrokerClient api;

  @BeforeAll
  static void start() {
    network = PortalNetwork.start(dir, Map.of("mitte", 40), 7, List.of());
    api = BrokerClient.of(network.portal(), network.researcherKey());
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.close();
    }
  }

  private static Browserless signedIn() {
    Browserless b = new Browserless(network.portal());
    assertThat(b.signIn(network.researcherKey()).statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void anInventorySubmittedFromThePageShowsTheSitesStatusAndTheMergedTable() throws Exception {
    Browserless b = signedIn();
    HttpResponse<String> form = b.get("/research/reports?lang=en");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Registry reports").contains("href=\"/research/reports\"")
        .contains("value=\"emergency\"").contains("value=\"icu\"").contains("value=\"biosamples\"");
    HttpResponse<String> sent = b.post("/research/reports/submit", Map.of("_csrf", b.csrf, "report", "inventory"));
    assertThat(sent.statusCode()).isEqualTo(303);
    Matcher m = ID.matcher(sent.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    String id = m.group(1);

    RequestView v = api.request(id, Duration.ZERO).orThrow();
    assertThat(v.type()).isEqualTo(RequestType.REPORT);
    String status = b.get("/research/requests/" + id + "/status").body();
    for (int i = 0; i < 300 && !status.contains("data-done=\"true\""); i++) {
      Thread.sleep(100);
      status = b.get("/research/requests/" + id + "/status").body();
    }
    assertThat(status).contains("data-done=\"true\"").contains("data-status=\"completed\"").contains("mitte");
    v = api.request(id, Duration.ZERO).orThrow();
    int table = status.indexOf("<caption>Resource type</caption>");
    assertThat(table).isPositive();
    Map<String, String> shown = new LinkedHashMap<>();
    Matcher row = ROW.matcher(status.substring(table));
    while (row.find() && shown.size() < InventoryReport.TYPES.size()) {
      shown.put(row.group(1), row.group(2).replace("&lt;", "<"));
    }
    assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(InventoryReport.TYPES);
    Map<String, String> merged = new LinkedHashMap<>();
    v.result().strata().get("resourceType").forEach((k, s) -> merged.put(k, written(s, Locale.ENGLISH)));
    assertThat(shown).isEqualTo(merged);
    assertThat(status).contains("id=\"total\" data-done=\"true\">" + v.result().total().toString()
        .replace("<", "&lt;") + "<");
    String german = b.get("/research/requests/" + id + "/status?lang=de").body();
    assertThat(german).contains("<caption>Ressourcentyp</caption>")
        .contains("<th scope=\"row\">Diagnose (Condition)</th><td>" + merged.get("Condition") + "</td>")
        .contains("<th scope=\"row\">andere</th><td>" + merged.get("other").replace("<", "&lt;") + "</td>")
        .contains("fertig");
    EnglishLeaks.assertNone(german);
  }

  @Test
  void anIcuReportSubmittedFromThePageShowsEachOfItsTables() throws Exception {
    Browserless b = signedIn();
    assertThat(b.get("/research/reports?report=icu&lang=en").body()).contains("name=\"p.from\"");
    HttpResponse<String> sent = b.post("/research/reports/submit",
        Map.of("_csrf", b.csrf, "report", "icu", "p.from", "2024-01-01"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    Matcher m = ID.matcher(sent.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    assertThat(api.request(id, Duration.ZERO).orThrow().type()).isEqualTo(RequestType.REPORT);
    String status = b.get("/research/requests/" + id + "/status?lang=en").body();
    for (int i = 0; i < 300 && !status.contains("data-done=\"true\""); i++) {
      Thread.sleep(100);
      status = b.get("/research/requests/" + id + "/status?lang=en").body();
    }
    assertThat(status).contains("data-status=\"completed\"");
    RequestView v = api.request(id, Duration.ZERO).orThrow();
    assertThat(v.result().strata().keySet()).containsExactly("stays", "ventilation",
        "invasiveEpisodeLength", "maxSofa", "lungProtective", "sedation", "pronePositioning",
        "circulation");
    for (String caption : List.of("ICU stays", "Ventilation", "Length of invasive ventilation episodes",
        "Highest SOFA score", "Lung-protective ventilation", "Sedation", "Prone positioning",
        "Circulation")) {
      assertThat(status).contains("<caption>" + caption + "</caption>");
    }
    Map<String, String> stays = new LinkedHashMap<>();
    Matcher row = ROW.matcher(status.substring(status.indexOf("<caption>ICU stays</caption>")));
    while (row.find() && stays.size() < 3) {
      stays.put(row.group(1), row.group(2).replace("&lt;", "<"));
    }
    Map<String, String> merged = new LinkedHashMap<>();
    v.result().strata().get("stays").forEach((k, s) -> merged.put(k, written(s, Locale.ENGLISH)));
    assertThat(stays).containsExactly(Map.entry("adults", merged.get("adult")),
        Map.entry("children", merged.get("paediatric")), Map.entry("age unknown", merged.get("unknown-age")));
    String german = b.get("/research/requests/" + id + "/status?lang=de").body();
    assertThat(german).contains("<caption>Intensivaufenthalte</caption>")
        .contains("<th scope=\"row\">Kinder</th>");
  }

  @Test
  void aBiosamplesReportShowsItsTwoTablesByTheSampleLocatorsKindsEachWithItsChart() throws Exception {
    java.util.Properties labels = new java.util.Properties();
    try (var in = ReportPageIT.class.getResourceAsStream("/org/datenraum/web/broker/labels_en.properties")) {
      labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    Browserless b = signedIn();
    assertThat(b.get("/research/reports?report=biosamples&lang=en").body()).contains("p.group");
    HttpResponse<String> sent = b.post("/research/reports/submit", Map.of("_csrf", b.csrf, "report", "biosamples",
        "p.sample-type", "119364003", "p.group", "sample-kind"));
    assertThat(sent.statusCode()).isEqualTo(303);
    Matcher m = ID.matcher(sent.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    String status = b.get("/research/requests/" + id + "/status?lang=en").body();
    for (int i = 0; i < 300 && !status.contains("data-done=\"true\""); i++) {
      Thread.sleep(100);
      status = b.get("/research/requests/" + id + "/status?lang=en").body();
    }
    assertThat(status).contains("data-status=\"completed\"");
    RequestView v = api.request(id, Duration.ZERO).orThrow();
    List<String> cells = new java.util.ArrayList<>(AvailabilityReport.SAMPLE_KINDS);
    cells.add("other");
    for (String table : List.of("patients", "specimens")) {
      assertThat(v.result().strata().get(table).keySet()).as(table).containsExactlyElementsOf(cells);
      String title = labels.getProperty("stratum." + table);
      assertThat(status).contains("aria-label=\"" + title + "\" data-chart=");
      int at = status.indexOf("<caption>" + title + "</caption>");
      assertThat(at).as(table).isPositive();
      List<String> shown = new java.util.ArrayList<>();
      Matcher row = ROW.matcher(status.substring(at));
      while (row.find() && shown.size() < cells.size()) {
        shown.add(row.group(1) + "=" + row.group(2).replace("&lt;", "<"));
      }
      List<String> expected = new java.util.ArrayList<>();
      v.result().strata().get(table).forEach((cell, c) -> expected.add(
          labels.getProperty("cell." + table + "." + cell, cell) + "=" + c));
      assertThat(shown).as(table).containsExactlyElementsOf(expected);
    }
    assertThat(status).contains(">whole blood<").contains(">serum<").contains(">FFPE tissue<");
  }

  @Test
  void aBadParameterOrAnUnknownReportIsRefusedAndNothingIsSent() {
    Browserless b = signedIn();
    b.get("/research/reports?report=emergency");
    int before = api.requests(100, null).orThrow().requests().size();
    HttpResponse<String> month = b.post("/research/reports/submit",
        Map.of("_csrf", b.csrf, "report", "emergency", "p.month", "2026-13"));
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("DR-7063").contains("2026-13").contains("kein gültiger Wert").contains("2026-11")
        .contains("value=\"2026-13\"");
    HttpResponse<String> missing = b.post("/research/reports/submit", Map.of("_csrf", b.csrf, "report", "emergency"));
    assertThat(missing.body()).contains("DR-7062").contains("month");
    HttpResponse<String> foreign = b.post("/research/reports/submit",
        Map.of("_csrf", b.csrf, "report", "inventory", "p.month", "2026-11"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("DR-7061");
    HttpResponse<String> unknown = b.post("/research/reports/submit", Map.of("_csrf", b.csrf, "report", "mortality"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("DR-7060").contains("mortality");
    HttpResponse<String> noToken = b.post("/research/reports/submit", Map.of("report", "inventory"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(api.requests(100, null).orThrow().requests()).hasSize(before);
  }

  @Test
  void theFormsCheckEachKindOfParameter() {
    assertThat(org.datenraum.web.research.ReportForms.check("icu", Map.of("from", "2026-02-01", "to", "2026-01-31"))
        .problem().code()).isEqualTo("DR-7065");
    assertThat(org.datenraum.web.research.ReportForms.check("icu", Map.of("from", "2026-02-30")).problem().code())
        .isEqualTo("DR-7063");
    assertThat(org.datenraum.web.research.ReportForms.check("biosamples", Map.of("within-days", "30")).problem()
        .code()).isEqualTo("DR-7064");
    assertThat(org.datenraum.web.research.ReportForms.check("biosamples", Map.of("diagnosis", "E11", "min-ml", "-1"))
        .problem().code()).isEqualTo("DR-7063");
    assertThat(org.datenraum.web.research.ReportForms.check("biosamples", Map.of("diagnosis", " E11 ", "sample-type",
        "")).value()).isEqualTo(new ReportQuery("biosamples", Map.of("diagnosis", "E11")));
    assertThat(org.datenraum.web.research.ReportForms.check("icu", Map.of("from", "2026-01-01", "to", "2026-01-31"))
        .value()).isEqualTo(new ReportQuery("icu", Map.of("from", "2026-01-01", "to", "2026-01-31")));
  }

  /** A merged count as a page in this language writes it: grouped digits, or the hidden count's text. */
  private static String written(org.datenraum.federation.v1.Shown s, Locale locale) {
    return s.value() == null ? s.text() : NumberFormat.getIntegerInstance(locale).format(s.value());
  }
}
