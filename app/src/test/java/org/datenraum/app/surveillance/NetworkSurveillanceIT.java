package org.datenraum.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datenraum.app.surveillance.SyndromicSurveillanceIT.Run;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StartedRound;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.node.internal.FileAuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing surveillance request over real HTTP on loopback: a broker and three nodes on
 * generated hospitals (two years, one with 40 norovirus cases planted from 2025-10-06), rounds
 * started by the operator's command and by the broker's daily schedule on an injected clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkSurveillanceIT {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final LocalDate OUTBREAK = LocalDate.of(2025, 10, 6);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static SurveillanceNetwork network;
  static Path researcherKey;
  static Path operatorKey;
  static String secondRound;

  @BeforeAll
  static void network() throws Exception {
    Path base = tmp.resolve("fhir-b");
    Path planted = tmp.resolve("fhir-a");
    Path other = tmp.resolve("fhir-c");
    List<String> common = List.of("--patients", "1000", "--start", START.toString(), "--years", "2");
    ok(args(List.of("generate", "--out", base.toString(), "--seed", "11", "--site", "Klinikum Nordstadt"), common));
    ok(args(List.of("generate", "--out", planted.toString(), "--seed", "11", "--site", "Klinikum Nordstadt",
        "--outbreak", "norovirus@" + OUTBREAK + ":14d:+40"), common));
    ok(args(List.of("generate", "--out", other.toString(), "--seed", "12", "--site", "Klinikum Suedstadt"), common));
    Path siteB = tmp.resolve("sites/nordstadt");
    Path siteA = tmp.resolve("sites/nordstadt-planted");
    Path siteC = tmp.resolve("sites/suedstadt");
    ok("ingest", "--site", siteB.toString(), base.toString());
    ok("ingest", "--site", siteC.toString(), other.toString());
    SiteCopies.copy(siteB, siteA);
    ok("ingest", "--site", siteA.toString(), SiteCopies.linesNotIn(planted, base, tmp.resolve("fhir-extra")).toString());
    network = new SurveillanceNetwork(tmp.resolve("broker"), Instant.parse("2025-12-01T03:00:00Z"));
    network.node("planted", siteA);
    network.node("nordstadt", siteB);
    network.node("suedstadt", siteC);
    researcherKey = network.researcherKey(tmp.resolve("rki.key"));
    operatorKey = network.operatorKey();
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  @Order(1)
  void aRoundStartedByTheOperatorBringsEveryDayOfEverySite() throws Exception {
    ok("surveillance", "standing", "--broker", network.uri(), "--key-file", operatorKey.toString(),
        "--start", START.toString());
    String out = ok("surveillance", "round", "--broker", network.uri(), "--key-file", operatorKey.toString(),
        "--through", "2025-10-31", "--wait");
    assertThat(out).contains("days 2024-01-01..2025-10-31").contains("planted").contains("completed")
        .doesNotContain("failed").doesNotContain("rejected");
    SurveillanceView view = network.researcher().surveillance(null, null).orThrow();
    assertThat(view.sites()).extracting(SurveillanceView.Coverage::site)
        .containsExactly("nordstadt", "planted", "suedstadt");
    assertThat(view.sites()).allSatisfy(c -> {
      assertThat(c.first()).isEqualTo(START);
      assertThat(c.last()).isEqualTo(LocalDate.of(2025, 10, 31));
    });
    assertThat(view.sitesReporting()).containsOnly(3);
  }

  @Test
  @Order(2)
  void theNetworkSeriesAddsTheShownSiteValuesAndCountsHiddenCellsAsOne() throws Exception {
    SurveillanceView view = network.researcher().surveillance(null, null).orThrow();
    ShownSeries total = series(view, null, "GI", "all");
    int[] sum = new int[total.counts().size()];
    int[] hidden = new int[sum.length];
    for (String site : List.of("nordstadt", "planted", "suedstadt")) {
      ShownSeries s = series(view, site, "GI", "all");
      for (int d = 0; d < sum.length; d++) {
        sum[d] += s.counts().get(d) == null ? 1 : s.counts().get(d);
        hidden[d] += s.hidden().get(d);
        assertThat(s.counts().get(d)).as("shown site value").satisfiesAnyOf(v -> assertThat(v).isNull(),
            v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(5));
      }
    }
    assertThat(total.counts()).containsExactlyElementsOf(box(sum));
    assertThat(total.hidden()).containsExactlyElementsOf(box(hidden));
    Map<LocalDate, Integer> exact = exactGi(network.site("planted"));
    int day = (int) (OUTBREAK.toEpochDay() - START.toEpochDay());
    ShownSeries planted = series(view, "planted", "GI", "all");
    for (int d = day; d < day + 14; d++) {
      int trueCount = exact.getOrDefault(START.plusDays(d), 0);
      Integer shown = planted.counts().get(d);
      assertThat(shown == null ? trueCount > 0 && trueCount < 5 : shown == trueCount)
          .as("day %s: shown %s, exact %s", START.plusDays(d), shown, trueCount).isTrue();
    }
  }

  @Test
  @Order(3)
  void cellsBelowTheMinimumNeverReachTheBroker() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("broker/broker.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(count IS NULL), sum(count BETWEEN 1 AND 4),"
            + " sum(denominator BETWEEN 1 AND 4) FROM surveillance_cell")) {
      rs.next();
      assertThat(rs.getLong(1)).as("cells stored").isEqualTo(3L * 72 * 670);
      assertThat(rs.getLong(2)).as("withheld cells").isPositive();
      assertThat(rs.getLong(3)).as("counts 1-4").isZero();
      assertThat(rs.getLong(4)).as("denominators 1-4").isZero();
    }
  }

  @Test
  @Order(4)
  void theOutbreakIsSignalledInTheNetworkAndAtItsSiteOnly() throws IOException {
    JsonNode result = JSON.readTree(ok("surveillance", "network", "--broker", network.uri(), "--key-file",
        researcherKey.toString(), "--json"));
    Map<String, List<String>> outbreakSignals = new TreeMap<>();
    for (JsonNode e : result.get("evaluations")) {
      List<String> found = new ArrayList<>();
      for (JsonNode s : e.get("signals")) {
        LocalDate start = LocalDate.parse(s.get("start").asText());
        boolean inOutbreak = !start.isBefore(OUTBREAK.minusDays(6)) && start.isBefore(OUTBREAK.plusDays(14));
        if (inOutbreak && List.of("GI", "NOROVIRUS").contains(s.get("indicator").asText())) {
          found.add(s.get("indicator").asText() + "/" + s.get("ageGroup").asText() + "@" + s.get("epoch").asText());
          assertThat(s.get("upperBound").asDouble()).isLessThan(s.get("observed").asDouble());
          assertThat(s.has("hiddenCells")).isTrue();
        }
      }
      outbreakSignals.put(e.get("site").asText(), found);
    }
    assertThat(outbreakSignals.keySet()).containsExactly("network", "nordstadt", "planted", "suedstadt");
    assertThat(outbreakSignals.get("network")).contains("GI/all@2025-W41");
    assertThat(outbreakSignals.get("planted")).contains("GI/all@2025-W41");
    assertThat(outbreakSignals.get("nordstadt")).isEmpty();
    assertThat(outbreakSignals.get("suedstadt")).isEmpty();
  }

  @Test
  @Order(5)
  void theReportOfTheNetworkRendersItsSeries() throws IOException {
    Path html = tmp.resolve("network.html");
    assertThat(ok("surveillance", "report", "--broker", network.uri(), "--key-file", researcherKey.toString(),
        "--out", html.toString())).contains("signals");
    String page = Files.readString(html);
    assertThat(page).contains("network").contains("<svg").contains("GI");
  }

  @Test
  @Order(6)
  void aSecondRoundSendsOnlyTheNewDays() throws Exception {
    StartedRound round = network.operator().startRound(LocalDate.of(2025, 11, 30)).orThrow();
    secondRound = round.id();
    network.awaitDone(round.id());
    for (String site : List.of("nordstadt", "planted", "suedstadt")) {
      List<String> released = released(site, round.id());
      assertThat(released).as(site).containsExactly("days=2025-11-01..2025-11-30 parts=1");
    }
    SurveillanceView view = network.researcher().surveillance(LocalDate.of(2025, 11, 1), null).orThrow();
    assertThat(view.first()).isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(view.last()).isEqualTo(LocalDate.of(2025, 11, 30));
  }

  @Test
  @Order(7)
  void aBrokerRestartKeepsTheSeriesAndTheDailyRoundFollowsTheClock() throws Exception {
    SurveillanceView before = network.researcher().surveillance(null, null).orThrow();
    network.restartBroker();
    assertThat(network.researcher().surveillance(null, null).orThrow()).isEqualTo(before);
    network.clock.set(Instant.parse("2025-12-31T05:30:00Z"));
    String daily = "surveillance-daily-2025-12-31";
    network.awaitDone(daily);
    StartedRound round = network.operator().round(daily).orThrow();
    assertThat(round.round().through()).isEqualTo(LocalDate.of(2025, 12, 30));
    assertThat(round.sites()).extracting(s -> s.status()).containsOnly(SiteStatus.COMPLETED);
    assertThat(released("planted", daily)).containsExactly("days=2025-12-01..2025-12-30 parts=1");
    assertThat(network.researcher().surveillance(null, null).orThrow().last()).isEqualTo(LocalDate.of(2025, 12, 30));
  }

  @Test
  @Order(8)
  void thePortalsSurveillancePageShowsTheSignalsOfTheCommandWithCharts() throws Exception {
    JsonNode cli = JSON.readTree(ok("surveillance", "network", "--broker", network.uri(), "--key-file",
        researcherKey.toString(), "--json"));
    long started = System.nanoTime();
    java.net.http.HttpResponse<String> r = new PortalPage(network.uri(), Files.readString(researcherKey))
        .get("/surveillance?lang=en");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(r.statusCode()).isEqualTo(200);
    String page = r.body();
    for (JsonNode e : cli.get("evaluations")) {
      String site = e.get("site").asText();
      int from = page.indexOf("data-site=\"" + site + "\"");
      assertThat(from).as("a section for " + site).isPositive();
      int to = page.indexOf("</section>", from);
      String section = page.substring(from, to);
      int signals = e.get("signals").size();
      assertThat(section).contains(signals == 0 ? "No signals." : signals + " signals");
      for (JsonNode s : e.get("signals")) {
        assertThat(section).contains("<td>" + s.get("epoch").asText() + "</td><td>" + s.get("kind").asText()
            + "</td><td>" + s.get("indicator").asText() + "</td><td>" + s.get("ageGroup").asText() + "</td>");
      }
    }
    JsonNode data = networkGi(page);
    int w41 = -1;
    for (int i = 0; i < data.get("labels").size(); i++) {
      if (data.get("labels").get(i).asText().equals("2025-W41")) {
        w41 = i;
      }
    }
    assertThat(w41).isNotNegative();
    assertThat(data.get("series").get(2).get("values").get(w41).isNumber()).as("the W41 signal marked").isTrue();
    assertThat(page).contains("/assets/portal.js");
    System.out.println("surveillance page: " + page.length() + " bytes, " + millis + " ms with sign-in");

    // a range: the whole page's weeks within it (complete ISO weeks 2025-W28..2025-W52), the same values and signals
    PortalPage portal = new PortalPage(network.uri(), Files.readString(researcherKey));
    String range = portal.get("/surveillance?from=2025-07-01&to=2025-12-31&lang=en").body();
    JsonNode cut = networkGi(range);
    List<String> weeks = new ArrayList<>();
    for (JsonNode l : data.get("labels")) {
      if (l.asText().compareTo("2025-W28") >= 0 && l.asText().compareTo("2025-W52") <= 0) {
        weeks.add(l.asText());
      }
    }
    assertThat(weeks).hasSize(25);
    List<String> labels = new ArrayList<>();
    cut.get("labels").forEach(l -> labels.add(l.asText()));
    assertThat(labels).containsExactlyElementsOf(weeks);
    int offset = w41 - weeks.indexOf("2025-W41");
    for (int line = 0; line < 3; line++) {
      for (int i = 0; i < weeks.size(); i++) {
        assertThat(cut.get("series").get(line).get("values").get(i)).as(weeks.get(i))
            .isEqualTo(data.get("series").get(line).get("values").get(offset + i));
      }
    }
    for (JsonNode s : cli.get("evaluations").get(0).get("signals")) {
      String row = "<td>" + s.get("epoch").asText() + "</td><td>" + s.get("kind").asText() + "</td>";
      assertThat(range.contains(row)).as(row).isEqualTo(weeks.contains(s.get("epoch").asText()));
    }
    assertThat(range).contains("value=\"2025-07-01\"");
    var backwards = portal.get("/surveillance?from=2025-12-31&to=2025-07-01&lang=en");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("DR-7151");
  }

  /** The network's GI (all ages) chart data of a surveillance page. */
  private static JsonNode networkGi(String page) throws IOException {
    int network = page.indexOf("data-site=\"network\"");
    String gi = page.substring(network, page.indexOf("</section>", network));
    java.util.regex.Matcher chart = java.util.regex.Pattern.compile("data-chart=\"([^\"]*\\(GI, all\\)[^\"]*)\"")
        .matcher(gi);
    assertThat(chart.find()).as("a chart of the network's GI series").isTrue();
    return JSON.readTree(chart.group(1).replace("&#34;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
  }

  @Test
  @Order(9)
  void theSurveillancePageDrawsItsChartsInABrowser() throws Exception {
    Path shots = Path.of(System.getProperty("datenraum.screenshots", tmp.resolve("shots").toString()));
    Files.createDirectories(shots);
    try (com.microsoft.playwright.Playwright playwright = com.microsoft.playwright.Playwright.create();
         com.microsoft.playwright.Browser browser = playwright.chromium().launch(
             new com.microsoft.playwright.BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                 .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")))) {
      com.microsoft.playwright.Page page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setBaseURL(network.uri()).setViewportSize(1200, 900)).newPage();
      page.navigate("/signin?lang=en");
      page.fill("#key", Files.readString(researcherKey).strip());
      page.click("form[action='/signin'] button[type=submit]");
      page.navigate("/surveillance");
      com.microsoft.playwright.Locator network = page.locator("section[data-site='network']");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
          network.locator(".chart[data-drawn] svg").first()).isVisible(
              new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
      assertThat(network.locator(".chart[data-drawn]").count()).as("every chart of the network drawn")
          .isEqualTo(network.locator(".chart").count()).isPositive();
      assertThat(PageAxe.seriousViolations(page)).as("serious or critical accessibility violations").isEmpty();
      assertThat(network.locator(".chart[data-drawn] svg").first().textContent()).contains("Upper bound");
      page.navigate("/surveillance?lang=de");
      com.microsoft.playwright.Locator german = page.locator("section[data-site='network'] .chart[data-drawn] svg")
          .first();
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(german).isVisible(
          new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
      assertThat(german.textContent()).as("the chart's legend in German").contains("Beobachtet").contains("Obere Grenze")
          .doesNotContain("Upper bound").doesNotContain("Observed");
      assertThat(page.locator("section[data-site='network'] h3").allTextContents()).as("chart titles in German")
          .contains("Gastrointestinale Infektion (GI, alle)").noneMatch(t -> t.contains("infection"));
      german.scrollIntoViewIfNeeded();
      page.evaluate("window.scrollBy(0, -120)");
      page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(shots.resolve("surveillance.png")));
    }
  }

  private static List<String> released(String site, String round) throws IOException {
    List<String> out = new ArrayList<>();
    for (AuditEntry e : FileAuditLog.read(network.site(site).resolve("node/audit.log"))) {
      if (e.request().equals(round) && e.action().equals("result.released")) {
        out.add(e.detail().replaceAll(" withheld=.*", ""));
      }
    }
    return out;
  }

  private static ShownSeries series(SurveillanceView view, String site, String indicator, String ageGroup) {
    return view.series().stream().filter(s -> java.util.Objects.equals(s.site(), site)
        && s.indicator().equals(indicator) && s.ageGroup().equals(ageGroup)).findFirst().orElseThrow();
  }

  private static Map<LocalDate, Integer> exactGi(Path site) throws IOException {
    JsonNode counts = JSON.readTree(ok("surveillance", "counts", "--site", site.toString(), "--json",
        "--min-cell", "1"));
    Map<LocalDate, Integer> out = new TreeMap<>();
    for (JsonNode c : counts.get("cells")) {
      if (c.get("indicator").asText().equals("GI") && c.get("ageGroup").asText().equals("all")) {
        out.put(LocalDate.parse(c.get("day").asText()), c.get("count").asInt());
      }
    }
    return out;
  }

  private static List<Integer> box(int[] values) {
    List<Integer> out = new ArrayList<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  private static String[] args(List<String> first, List<String> more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(more);
    return all.toArray(String[]::new);
  }

  static String ok(String... args) {
    Run r = SyndromicSurveillanceIT.run(args);
    assertThat(r.status()).as("%s: %s", String.join(" ", args), r.err()).isZero();
    return r.out();
  }
}
