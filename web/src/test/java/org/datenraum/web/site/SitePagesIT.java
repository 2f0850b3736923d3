package org.datenraum.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.datenraum.node.Decision;
import org.datenraum.web.broker.Browserless;
import org.datenraum.web.EnglishLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site admin pages over a real local port: sign-in by role, the approval queue with the query
 * readable and as CCDL, decisions handed to the node (never without the CSRF token), statistics,
 * data quality, quarantine by reason and paged, and the audit log verified.
 */
class SitePagesIT {

  @TempDir Path tmp;

  @Test
  void aSiteAdminSeesThePendingRequestAndApprovesIt() throws Exception {
    try (SiteFixture site = new SiteFixture(tmp.resolve("site"), 30, 0)) {
      Browserless b = new Browserless(site.http.uri());
      assertThat(b.get("/site/approvals").statusCode()).as("to sign-in first").isEqualTo(303);
      HttpResponse<String> in = b.signIn(site.adminKey);
      assertThat(in.statusCode()).isEqualTo(303);
      assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/site/approvals");
      String page = b.get("/site/approvals?lang=en").body();
      assertThat(page).contains("req-waiting").contains("Patients with Diabetes mellitus, Typ 2.")
          .contains("\"termCodes\" : [").contains("Approved without a person:").contains("Stratified")
          .contains("req-done").contains("answered");

      String german = b.get("/site/approvals?lang=de").body();
      assertThat(german).contains("Patienten mit Diabetes mellitus, Typ 2.").contains("Machbarkeit")
          .contains("Stratifiziert");
      EnglishLeaks.assertNone(german);

      HttpResponse<String> forged = b.post("/site/approvals/req-waiting/approve", Map.of());
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(site.dir.takeDecision("req-waiting")).as("nothing decided without the token").isEmpty();

      HttpResponse<String> noReason = b.post("/site/approvals/req-waiting/reject", Map.of("_csrf", b.csrf));
      assertThat(noReason.statusCode()).isEqualTo(400);
      assertThat(noReason.body()).contains("DR-7131");
      assertThat(site.dir.takeDecision("req-waiting")).isEmpty();

      HttpResponse<String> approved = b.post("/site/approvals/req-waiting/approve", Map.of("_csrf", b.csrf));
      assertThat(approved.statusCode()).isEqualTo(200);
      assertThat(approved.body()).contains("Anfrage `req-waiting` freigegeben");
      assertThat(site.dir.takeDecision("req-waiting")).contains(new Decision(true, "dora", null));
      HttpResponse<String> unknown = b.post("/site/approvals/req-nothing/approve", Map.of("_csrf", b.csrf));
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("DR-7130");
    }
  }

  @Test
  void otherRolesAndRevokedKeysAreRefused() throws Exception {
    try (SiteFixture site = new SiteFixture(tmp.resolve("site"), 3, 0)) {
      Browserless importer = new Browserless(site.http.uri());
      assertThat(importer.signIn(site.importKey).body()).contains("DR-7141");
      assertThat(importer.get("/site/data").statusCode()).isEqualTo(303);
      Browserless wrong = new Browserless(site.http.uri());
      assertThat(wrong.signIn(site.adminKey + "x").body()).contains("DR-7140");

      Browserless admin = new Browserless(site.http.uri());
      admin.signIn(site.adminKey);
      assertThat(admin.get("/site/audit").statusCode()).isEqualTo(200);
      site.keys.revoke("dora");
      HttpResponse<String> after = admin.get("/site/audit");
      assertThat(after.statusCode()).isEqualTo(401);
      assertThat(after.body()).contains("DR-7142");
    }
  }

  @Test
  void statisticsQualityQuarantineAndAuditShowTheSitesFigures() throws Exception {
    int patients = 30;
    int quarantined = 45;
    try (SiteFixture site = new SiteFixture(tmp.resolve("site"), patients, quarantined)) {
      Browserless b = new Browserless(site.http.uri());
      b.signIn(site.adminKey);
      String data = b.get("/site/data?lang=en").body();
      assertThat(data).contains("<td id=\"patients\">30</td>").contains("<td id=\"facts\">30</td>");
      // every second condition has an encounter; one in ten is coded outside ICD-10-GM
      assertThat(data).contains("<th scope=\"row\">Condition</th><td>30</td><td>50.0 %</td>");
      assertThat(data).contains("urn:local:dx</td><td>3</td>");
      assertThat(data).contains("No implausible dates.");
      String germanData = b.get("/site/data?lang=de").body();
      assertThat(germanData).contains("<th scope=\"row\">Condition</th><td>30</td><td>50,0 %</td>")
          .doesNotContain("50.0 %");

      String first = b.get("/site/quarantine?lang=en").body();
      // 45 records: every third (15) DR-1015, the other 30 DR-7401, largest group first, 20 per page
      assertThat(first.indexOf("DR-7401")).isLessThan(first.indexOf("DR-1015"));
      assertThat(first).contains("DR-7401</span> · 30 records").contains("DR-1015</span> · 15 records")
          .contains("line 2<").contains("Next page").contains("Specimen quantity `2.5` has no unit")
          .contains("its `subject`/`patient` references a Patient");
      String german = b.get("/site/quarantine?lang=de").body();
      assertThat(german).contains("DR-7401</span> · 30").contains(
          "Die Probenmenge `2.5` hat keine Einheit: ihren UCUM-Code (etwa `mL`) angeben oder die Menge weglassen.")
          .contains("`subject`/`patient` verweist auf einen Patienten, der weder in dieser Ladung noch im Speicher ist")
          .doesNotContain("Specimen quantity").doesNotContain("neither in this load");
      EnglishLeaks.assertNone(german);
      String second = b.get("/site/quarantine?page=1&lang=en").body();
      assertThat(second).contains("line 45<").doesNotContain("line 2<").doesNotContain("Next page")
          .contains("Previous page");
      assertThat(b.get("/site/quarantine?page=x").body()).contains("DR-7143");

      String audit = b.get("/site/audit?lang=en").body();
      int entries = org.datenraum.node.internal.FileAuditLog.read(site.dir.auditLog()).size();
      assertThat(entries).as("the fixture's two entries and the log's own").isGreaterThanOrEqualTo(2);
      assertThat(audit).contains("The audit log is intact (" + entries + " entries checked).")
          .contains("request.received");
      java.nio.file.Files.writeString(site.dir.auditLog(), java.nio.file.Files.readString(site.dir.auditLog())
          .replace("req-waiting", "req-altered"));
      assertThat(b.get("/site/audit?lang=en").body()).contains("The audit log is broken:");
    }
  }
}
