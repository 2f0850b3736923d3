package org.datenraum.registry.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rendered report shows what the numbers say: PDF pages with the figures, HTML with a chart per section, JSON with every number. */
class ReportRenderTest {

  private static MonthlyEmergencyReport report;

  @BeforeAll
  static void aSmallMonth() {
    List<EmergencyVisit> visits = new ArrayList<>();
    Instant start = Instant.parse("2026-11-02T08:00:00Z");
    for (int i = 0; i < 40; i++) {
      Instant in = start.plusSeconds(i * 3_600L * 7);
      visits.add(new EmergencyVisit(new EmergencyVisit.Times(in, in.plusSeconds(7_200), in.plusSeconds(60L * (i % 15)),
          i % 4 == 0 ? null : in.plusSeconds(60L * 30)), new EmergencyVisit.Person(i % 2 == 0 ? Sex.FEMALE : Sex.MALE, 20 + i),
          new EmergencyVisit.Triage("MTS", 1 + i % 5), new EmergencyVisit.Codes("RD", "2", "DISCHARGE:4", "251", "J06.9"),
          new EmergencyVisit.Hygiene(i == 3, i == 3 ? List.of("U80") : List.of(), i == 3 ? List.of("MRSA") : List.of(), false)));
    }
    report = MonthlyReports.of(YearMonth.of(2026, 11), visits);
  }

  @Test
  void thePdfHasThePagesAndFigures() throws Exception {
    byte[] pdf = ReportPdf.of(report, "Klinikum Test");
    PdfReader reader = new PdfReader(pdf);
    assertTrue(reader.getNumberOfPages() >= 5, "pages: " + reader.getNumberOfPages());
    String first = new PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(first.contains("Monatsbericht Notaufnahme Klinikum Test, 2026-11"), first);
    StringBuilder all = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(p));
    }
    assertTrue(all.toString().contains("Triage innerhalb von 10 Minuten"));
    assertTrue(all.toString().contains("Bauchschmerzen"), "the CEDIS name of 251");
    reader.close();
  }

  @Test
  void theHtmlHasAChartPerFigureAndTheCaptions() {
    String html = ReportHtml.of(report, "Klinikum <Test>");
    assertTrue(html.contains("Klinikum &lt;Test&gt;"));
    long images = html.split("data:image/png;base64,", -1).length - 1;
    assertEquals(ReportSections.of(report).stream().filter(s -> s.chart() != null).count(), images);
    assertTrue(html.contains("Fehlende Werte"));
  }

  @Test
  void theJsonHoldsTheNumbers() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ReportJson.of(report, "K"));
    assertEquals(40, j.path("population").path("visits").asInt());
    assertEquals(10, j.path("times").path("physician").path("bins").path("missing").asInt(), "every fourth without physician");
    assertEquals(report.times().triage().withinTarget(), j.path("times").path("triage").path("withinTarget").asLong());
    assertEquals(8, j.path("access").path("triage").path("rows").get(0).path("count").asInt(), "level 1: every fifth");
    assertEquals(1, j.path("outcomes").path("pathogens").path("rows").get(0).path("count").asInt());
  }
}
