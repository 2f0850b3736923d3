package org.datenraum.web.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.store.quality.KnownSystems;
import org.datenraum.web.A11y;
import org.datenraum.web.Chromium;
import org.datenraum.web.PortalNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In headless Chromium: a site admin on a node in manual-approval mode sees the pending request
 * with its sentence, approves it, and the researcher's page then shows every site's answer; the
 * data page shows the site's figures, all in German (the default). With
 * {@code -Ddatenraum.screenshots=DIR} the pages are photographed into DIR (the README's pictures).
 */
class SiteAdminBrowserIT {

  @TempDir Path dir;

  @Test
  void aSiteAdminApprovesThePendingRequestAndTheResearcherSeesTheAnswer() throws Exception {
    Map<String, Integer> sites = new LinkedHashMap<>();
    sites.put("nord", 30);
    sites.put("sued", 20);
    Path shots = Path.of(System.getProperty("datenraum.screenshots", dir.resolve("shots").toString()));
    Files.createDirectories(shots);
    try (PortalNetwork network = PortalNetwork.start(dir, sites, 21, List.of("sued"));
         Playwright playwright = Playwright.create();
         Browser browser = Chromium.launch(playwright)) {
      Path sued = network.siteDirs().get("sued");
      LocalKeys keys = LocalKeys.in(new NodeDirectory(sued).root());
      String adminKey = keys.create("dora", LocalRole.SITE_ADMIN, Clock.systemUTC(), new SplittableRandom(3)).value();
      SiteAdmin admin = new SiteAdmin(new NodeDirectory(sued), SiteFixture.held(network.stores().get(1)), Set::of,
          KnownSystems.DEFAULT, Clock.systemUTC());
      try (NodeHttp local = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(new SitePortal(admin,
          "Klinikum sued", Clock.systemUTC(), new SecureRandom())))) {
        BrokerClient researcher = BrokerClient.of(network.portal(), network.researcherKey());
        String id = researcher.submit(Submission.feasibility(WireJson.mapper().readTree(SiteFixture.DIABETES)))
            .orThrow().id();

        BrowserContext siteContext = browser.newContext(new Browser.NewContextOptions()
            .setBaseURL(local.uri().toString()).setViewportSize(1200, 900));
        Page site = siteContext.newPage();
        site.navigate("/signin");
        site.fill("#key", adminKey);
        site.click("form[action='/signin'] button[type=submit]");
        site.waitForURL("**/site/approvals");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (site.locator("section.pending[data-request='" + id + "']").count() == 0
            && System.nanoTime() < deadline) {
          Thread.sleep(250);
          site.reload();
        }
        var pending = site.locator("section.pending[data-request='" + id + "']");
        assertThat(pending).isVisible();
        assertThat(pending.locator(".sentence")).hasText("Patienten mit Diabetes mellitus, Typ 2.");
        assertThat(pending.locator("details pre")).containsText("\"code\" : \"E11\"");
        site.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("site-approvals.png")).setFullPage(true));
        org.datenraum.web.EnglishLeaks.assertNone(site.content());
        A11y.check(site, "site approvals");
        pending.locator("form[action$='/approve'] button").click();
        assertThat(site.locator(".notice")).containsText("Anfrage `" + id + "` freigegeben");

        BrowserContext researcherContext = browser.newContext(new Browser.NewContextOptions()
            .setBaseURL(network.portal().toString()));
        Page research = researcherContext.newPage();
        research.navigate("/signin");
        research.fill("#key", network.researcherKey());
        research.click("form[action='/signin'] button[type=submit]");
        research.navigate("/research/requests/" + id);
        assertThat(research.locator("#total[data-done=true]")).isVisible(
            new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(research.locator("td[data-status]")).hasCount(2);
        for (var status : research.locator("td[data-status]").all()) {
          assertThat(status.getAttribute("data-status")).isEqualTo("completed");
        }
        RequestView api = researcher.request(id, Duration.ZERO).orThrow();
        assertThat(research.locator("#total")).hasText(api.result().total().toString());

        site.navigate("/site/data");
        long patients = network.stores().get(1).stats().patients();
        assertThat(site.locator("#patients")).hasText(String.valueOf(patients));
        assertThat(site.locator("#completeness tbody tr").first()).isVisible();
        site.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("site-data-quality.png")).setFullPage(true));
        org.datenraum.web.EnglishLeaks.assertNone(site.content());
        A11y.check(site, "site data");
        for (String other : List.of("quarantine", "audit")) {
          site.navigate("/site/" + other);
          assertThat(site.locator("main h1")).isVisible();
          A11y.check(site, "site " + other);
        }
        siteContext.close();
        researcherContext.close();
      }
    }
  }
}
