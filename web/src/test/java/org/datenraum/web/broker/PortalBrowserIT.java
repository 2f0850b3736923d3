package org.datenraum.web.broker;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Comparator;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.web.A11y;
import org.datenraum.web.Chromium;
import org.datenraum.web.PortalNetwork;
import org.datenraum.web.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's portal in headless Chromium against a real network of two generated sites. */
class PortalBrowserIT {

  @TempDir static Path dir;
  static PortalNetwork network;
  static Playwright playwright;
  static Browser browser;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void start() {
    Map<String, Integer> sites = new LinkedHashMap<>();
    // for the screenshot, sites large enough that the result's strata are mostly above the threshold
    int scale = Screenshots.enabled() ? 12 : 1;
    sites.put("nord", 80 * scale);
    sites.put("sued", 60 * scale);
    network = PortalNetwork.start(dir, sites, 11, List.of());
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (network != null) {
      network.close();
    }
  }

  @BeforeEach
  void open() {
    context = browser.newContext(new Browser.NewContextOptions().setBaseURL(network.portal().toString()));
    page = context.newPage();
  }

  @AfterEach
  void close() {
    context.close();
  }

  private void signIn(String key) {
    page.navigate("/signin");
    page.fill("#key", key);
    page.click("form[action='/signin'] button[type=submit]");
  }

  private void pick(String text, String termId) {
    page.fill("#text", text);
    page.locator("#found a[data-term='" + termId + "']").click();
    assertThat(page.locator("#add")).isVisible();
  }

  @Test
  void aResearcherBuildsSubmitsSavesAndReloadsAQuery() {
    signIn(network.researcherKey());
    assertThat(page).hasURL(network.portal() + "/research/query");
    // browsing the tree: Diagnosen > Kapitel IV > E11 shows Diabetes mellitus, Typ 2 and picks it
    page.locator(".tree summary", new Page.LocatorOptions().setHasText("Diagnosen (ICD-10-GM)")).click();
    page.locator(".tree summary", new Page.LocatorOptions().setHasText("Kapitel IV")).click();
    page.locator(".tree summary", new Page.LocatorOptions().setHasText("Diabetes mellitus, Typ 2")).first().click();
    page.locator(".tree a[data-term='icd:E11']").click();
    assertThat(page.locator("#add")).isVisible();
    assertThat(page.locator("#add")).containsText("Diabetes mellitus, Typ 2");
    page.click("#add-button");
    pick("Alter", "age");
    page.selectOption("#comparator", "ge");
    page.fill("#value", "60");
    page.click("#add-button");
    pick("Demenz", "icd:F03");
    page.selectOption("#place", "ex:new");
    page.click("#add-button");

    TermCode diagnose = new TermCode("fdpg.mii.cds", "Diagnose", null, "Diagnose");
    CcdlQuery expected = new CcdlQuery(null, null, List.of(
        List.of(Criterion.of(diagnose, TermCode.of("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11"))),
        List.of(new Criterion(new TermCode("fdpg.mii.cds", "Patient", null, "Patient"),
            List.of(TermCode.of("http://snomed.info/sct", "424144002")), new Filter.Comparison(Comparator.GE, 60, "a"),
            List.of(), null))),
        List.of(List.of(Criterion.of(diagnose, TermCode.of("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "F03")))));
    CcdlQuery built = CcdlParser.parse(page.locator("details pre").textContent()).value();
    assertThat(withoutDisplays(built)).isEqualTo(withoutDisplays(expected));
    assertThat(page.locator("#sentence")).hasText("Patienten mit Diabetes mellitus, Typ 2 und Alter ≥ 60 a und nicht"
        + " Nicht näher bezeichnete Demenz.");

    page.fill("#title", "Diabetes ab 60 ohne Demenz");
    page.fill("#comment", "für die Machbarkeit");
    page.click("#save");
    assertThat(page.locator("tr[data-saved]")).hasCount(1);
    assertThat(page.locator("tr[data-saved] td").first()).hasText("Diabetes ab 60 ohne Demenz");
    page.click("tr[data-saved] a.load");
    assertThat(page.locator("#sentence")).hasText("Patienten mit Diabetes mellitus, Typ 2 und Alter ≥ 60 a und nicht"
        + " Nicht näher bezeichnete Demenz.");

    A11y.check(page, "editor");
    page.check("input[name=stratify][value=sex]");
    page.check("input[name=stratify][value=age]");
    page.click("#submit");
    assertThat(page.locator("#total[data-done=true]")).isVisible(
        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    assertThat(page.locator("td[data-status]")).hasCount(2);
    for (String status : page.locator("td[data-status]").all().stream().map(l -> l.getAttribute("data-status"))
        .toList()) {
      assertThat(status).isEqualTo("completed");
    }
    String id = page.url().substring(page.url().lastIndexOf('/') + 1);
    RequestView api = BrokerClient.of(network.portal(), network.researcherKey()).request(id, Duration.ZERO).orThrow();
    assertThat(api.done()).isTrue();
    assertThat(page.locator("#total")).hasText(api.result().total().value() == null ? api.result().total().text()
        : java.text.NumberFormat.getIntegerInstance(java.util.Locale.GERMANY).format(api.result().total().value()));
    assertThat(page.locator(".chart svg")).hasCount(2);
    assertThat(page.locator("table.cells th", new Page.LocatorOptions().setHasText("weiblich"))).hasCount(1);
    org.datenraum.web.EnglishLeaks.assertNone(page.content());
    A11y.check(page, "request");
    Screenshots.take(page, "portal-researcher-result.png");
    page.navigate("/research/requests");
    assertThat(page.locator("a[href='/research/requests/" + id + "']")).hasCount(1);
    A11y.check(page, "requests");
    page.navigate("/research/saved");
    A11y.check(page, "saved");
  }

  @Test
  void aResearcherAsksForTheInventoryReportAndSeesItsTableAsLongBars() {
    signIn(network.researcherKey());
    page.click("nav a[href='/research/reports']");
    A11y.check(page, "reports");
    page.selectOption("#report", "emergency");
    page.click("form[action='/research/reports'] button");
    assertThat(page.locator("#p-month")).isVisible();
    page.selectOption("#report", "inventory");
    page.click("form[action='/research/reports'] button");
    page.click("#report-form button[type=submit]");
    assertThat(page.locator("#total[data-done=true]")).isVisible(
        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
    assertThat(page.locator(".chart svg")).hasCount(1);
    assertThat(page.locator("caption", new Page.LocatorOptions().setHasText("Ressourcentyp"))).hasCount(1);
    double height = page.locator(".chart").boundingBox().height;
    assertThat(height).isGreaterThanOrEqualTo(22 * org.datenraum.node.InventoryReport.TYPES.size() + 40);
    A11y.check(page, "report result");
  }

  @Test
  void anOperatorIssuesASiteKeyShownOnceAndRevokesIt() {
    signIn(network.operatorKey());
    assertThat(page).hasURL(network.portal() + "/operator/principals");
    assertThat(page.locator("#sites tr[data-name]")).hasCount(2);
    page.fill("#new-name", "neue-klinik");
    page.selectOption("#new-role", "site");
    page.click("#add-principal");
    String key = page.locator("#new-key").textContent().strip();
    BrokerClient newSite = BrokerClient.of(network.portal(), key);
    assertThat(newSite.me().orThrow().name()).isEqualTo("neue-klinik");
    A11y.check(page, "principals");
    page.navigate("/operator/principals");
    assertThat(page.locator("#new-key")).hasCount(0);
    assertThat(page.content()).doesNotContain(key);
    page.locator("#sites tr[data-name='neue-klinik'] button").click();
    assertThat(page.locator("#sites tr[data-name='neue-klinik'] td[data-state]")).hasAttribute("data-state", "revoked");
    assertThat(newSite.me().status()).isEqualTo(401);
    page.navigate("/operator/audit");
    assertThat(page.locator("p.notice")).containsText("unversehrt");
    assertThat(page.locator("#audit")).containsText("principal.revoked");
    A11y.check(page, "audit");
  }

  private static CcdlQuery withoutDisplays(CcdlQuery q) {
    return new CcdlQuery(null, null, strip(q.inclusion()), strip(q.exclusion()));
  }

  private static List<List<Criterion>> strip(List<List<Criterion>> groups) {
    return groups.stream().map(g -> g.stream().map(c -> new Criterion(TermCode.of(c.context().system(),
        c.context().code()), c.termCodes().stream().map(t -> TermCode.of(t.system(), t.code())).toList(),
        c.valueFilter(), c.attributeFilters(), c.timeRestriction())).toList()).toList();
  }

  @Test
  void aWrongKeyIsRefusedOnTheSignInPage() {
    page.navigate("/signin");
    A11y.check(page, "signin");
    signIn("drk_this-is-not-a-key");
    assertThat(page).hasURL(network.portal() + "/signin");
    assertThat(page.locator("p.error")).containsText("DR-7010");
  }

  @Test
  void aFormSentWithoutItsTokenIsRefusedAndChangesNothing() {
    signIn(network.researcherKey());
    page.navigate("/research/query");
    pick("Diabetes", "icd:E11");
    page.evaluate("document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())");
    page.click("#add-button");
    assertThat(page.locator("p.error")).containsText("DR-7001");
    page.navigate("/research/query");
    assertThat(page.locator("#sentence")).hasCount(0);
  }
}
