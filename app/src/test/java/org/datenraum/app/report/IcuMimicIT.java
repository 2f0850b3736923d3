package org.datenraum.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.datenraum.app.CliAccess;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.registry.icu.IcuStay;
import org.datenraum.registry.icu.IcuStays;
import org.datenraum.registry.icu.StayAnalysis;
import org.datenraum.registry.icu.StayResult;
import org.datenraum.registry.icu.VentilationStatus;
import org.datenraum.store.duckdb.DuckDbIcuFacts;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIMIC-III demo's invasive ventilation (PROCEDUREEVENTS_MV item 225792) and catecholamine
 * rates (INPUTEVENTS_MV), written as MII-coded FHIR by {@link MimicFhir}, loaded through the real
 * ingest and store: the registry's hours and norepinephrine equivalents per ICU stay equal those
 * computed here straight from the CSV rows.
 */
class IcuMimicIT {

  static final long H = 3600;
  static final Map<String, Double> EQUIVALENT = Map.of("221906", 1.0, "221289", 1.0,
      "221662", 0.01, "221653", 0.0);

  @TempDir static Path dir;
  static Map<Long, StayResult> registry = new TreeMap<>();
  static List<Map<String, String>> stays;
  static List<Map<String, String>> ventilation;
  static List<Map<String, String>> drugs;

  @BeforeAll
  static void load() throws IOException {
    Path mimic = CliAccess.testData("icu/mimic-iii-demo-1.4");
    stays = MimicCsv.read(mimic.resolve("ICUSTAYS.csv"));
    ventilation = MimicCsv.read(mimic.resolve("PROCEDUREEVENTS_MV.csv")).stream()
        .filter(r -> r.get("ITEMID").equals("225792")).toList();
    drugs = MimicCsv.read(mimic.resolve("INPUTEVENTS_MV.csv")).stream()
        .filter(r -> EQUIVALENT.containsKey(r.get("ITEMID"))).toList();
    Path fhir = Files.createDirectories(dir.resolve("fhir"));
    MimicFhir.write(fhir, MimicCsv.read(mimic.resolve("PATIENTS.csv")), stays, ventilation, drugs);
    Path site = dir.resolve("site");
    CliAccess.ingest(site, fhir);
    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      DuckDbIcuFacts.of(store).forEachPatient(p -> {
        for (IcuStay s : IcuStays.of(p)) {
          registry.put(s.start().getEpochSecond(), StayAnalysis.of(s));
        }
      });
    }
  }

  @Test
  void everyIcuStayIsFound() {
    assertThat(registry).hasSize(stays.size());
  }

  @Test
  void invasiveHoursAndEpisodesPerStayEqualTheCsv() {
    int ventilated = 0;
    for (Map<String, String> stay : stays) {
      Grid g = Grid.of(stay);
      boolean[] invasive = new boolean[g.hours];
      for (Map<String, String> row : rowsOf(ventilation, stay)) {
        g.mark(invasive, MimicCsv.seconds(row.get("STARTTIME")), MimicCsv.seconds(row.get("ENDTIME")));
      }
      int hours = 0;
      List<int[]> runs = new ArrayList<>();
      for (int h = 0; h < g.hours; h++) {
        if (invasive[h]) {
          hours++;
          int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
          if (last != null && h - last[1] - 1 < 14) {
            last[1] = h;
          } else {
            runs.add(new int[] {h, h});
          }
        }
      }
      StayResult r = registry.get(g.start);
      assertThat(r.ventilation().invasiveStatusHours()).as("stay %s", stay.get("ICUSTAY_ID"))
          .isEqualTo(hours);
      assertThat(r.ventilation().episodes().stream()
          .filter(e -> e.status() == VentilationStatus.INVASIVE).count())
          .as("episodes of stay %s", stay.get("ICUSTAY_ID")).isEqualTo(runs.size());
      ventilated += hours > 0 ? 1 : 0;
    }
    assertThat(ventilated).as("stays with invasive ventilation in the demo").isGreaterThan(5);
  }

  @Test
  void norepinephrineEquivalentsPerStayEqualTheCsv() {
    int withDrugs = 0;
    for (Map<String, String> stay : stays) {
      Grid g = Grid.of(stay);
      Map<String, double[]> perDrug = new HashMap<>();
      for (Map<String, String> row : rowsOf(drugs, stay)) {
        if (row.get("STATUSDESCRIPTION").equals("Rewritten") || row.get("RATE").isEmpty()) {
          continue;
        }
        double[] rates = perDrug.computeIfAbsent(row.get("ITEMID"), k -> nan(g.hours));
        boolean[] on = new boolean[g.hours];
        g.mark(on, MimicCsv.seconds(row.get("STARTTIME")), MimicCsv.seconds(row.get("ENDTIME")));
        for (int h = 0; h < g.hours; h++) {
          if (on[h]) {
            double rate = Double.parseDouble(row.get("RATE"));
            rates[h] = Double.isNaN(rates[h]) ? rate : Math.max(rates[h], rate);
          }
        }
      }
      double max = 0;
      int hoursOn = 0;
      for (int h = 0; h < g.hours; h++) {
        double nee = 0;
        boolean any = false;
        for (Map.Entry<String, double[]> e : perDrug.entrySet()) {
          double rate = e.getValue()[h];
          if (!Double.isNaN(rate)) {
            nee += rate * EQUIVALENT.get(e.getKey());
            any = true;
          }
        }
        max = Math.max(max, nee);
        hoursOn += any ? 1 : 0;
      }
      StayResult.Circulation c = registry.get(g.start).circulation();
      assertThat(c.maxNorepinephrineEquivalent()).as("stay %s", stay.get("ICUSTAY_ID"))
          .isCloseTo(max, within(1e-6));
      assertThat(c.vasopressorHours()).as("stay %s", stay.get("ICUSTAY_ID")).isEqualTo(hoursOn);
      assertThat(c.unusableRates()).isZero();
      withDrugs += hoursOn > 0 ? 1 : 0;
    }
    assertThat(withDrugs).as("stays with catecholamines in the demo").isGreaterThan(3);
  }

  @Test
  void reportIcuWritesTheFiguresAsJsonHtmlAndPdfOwnerOnly() throws IOException {
    Path site = dir.resolve("site");
    Path json = dir.resolve("icu.json");
    String[] run = CliAccess.run("report", "icu", "--site", site.toString(), "--out", json.toString());
    assertThat(run[0]).as(run[2]).isEqualTo("0");
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(tree.get("stays").asInt()).isEqualTo(stays.size());
    long episodes = registry.values().stream().flatMap(r -> r.ventilation().episodes().stream())
        .filter(e -> e.status() == VentilationStatus.INVASIVE).count();
    assertThat(tree.at("/ventilation/invasiveEpisodes").asLong()).isEqualTo(episodes);
    assertThat(tree.get("adultStays").asInt() + tree.get("paediatricStays").asInt()
        + tree.get("staysWithoutAge").asInt()).isEqualTo(stays.size());
    assertThat(tree.at("/sofa/maxSofaHistogram").size()).isEqualTo(25);
    assertThat(Files.getPosixFilePermissions(json)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    Path html = dir.resolve("icu.html");
    assertThat(CliAccess.run("report", "icu", "--site", site.toString(), "--format", "html",
        "--out", html.toString())[0]).isEqualTo("0");
    assertThat(Files.readString(html)).contains("<svg", "Invasive episodes", "<td>" + episodes + "</td>");
    Path pdf = dir.resolve("icu.pdf");
    assertThat(CliAccess.run("report", "icu", "--site", site.toString(), "--format", "pdf",
        "--out", pdf.toString())[0]).isEqualTo("0");
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void reportIcuRefusesAMissingStoreAndABackwardPeriod() {
    String[] none = CliAccess.run("report", "icu", "--site", dir.resolve("nothing").toString(),
        "--out", dir.resolve("x.json").toString());
    assertThat(none[0]).isEqualTo("1");
    assertThat(none[2]).contains("DR-1100");
    String[] backward = CliAccess.run("report", "icu", "--site", dir.resolve("site").toString(),
        "--from", "2025-02-01", "--to", "2025-01-01", "--out", dir.resolve("x.json").toString());
    assertThat(backward[0]).isEqualTo("2");
    assertThat(backward[2]).contains("DR-7300", "`2025-01-01`");
  }

  @Test
  void theNetworkReportCountsTheSameStaysEpisodesAndHoursAsCells() {
    try (DuckDbSiteStore store = new SiteDirectory(dir.resolve("site")).openStore(Clock.systemUTC())) {
      IcuSiteReport report = new IcuSiteReport(store);
      var cells = report.cells(Map.of(), java.time.LocalDate.of(2026, 1, 1),
          org.datenraum.privacy.ConsentPolicy.EXCLUDE_DENIED).value();
      assertThat(cells.population()).hasSize(stays.size());
      long episodes = registry.values().stream().flatMap(r -> r.ventilation().episodes().stream())
          .filter(e -> e.status() == VentilationStatus.INVASIVE).count();
      assertThat(cells.tables().get("ventilation").get("invasive-episodes")).hasSize((int) episodes);
      int vasopressorHours = registry.values().stream()
          .mapToInt(r -> r.circulation().vasopressorHours()).sum();
      assertThat(cells.tables().get("circulation").get("vasopressor-hours")).hasSize(vasopressorHours);
      long sofaStays = cells.tables().get("maxSofa").values().stream().mapToLong(Set::size).sum();
      assertThat(sofaStays).isEqualTo(stays.size());
      // without recorded consent, a site that requires it counts nobody
      var none = report.cells(Map.of(), java.time.LocalDate.of(2026, 1, 1),
          org.datenraum.privacy.ConsentPolicy.REQUIRE_PERMIT).value();
      assertThat(none.population()).isEmpty();
      assertThat(none.tables().get("stays").values()).allSatisfy(c -> assertThat(c).isEmpty());
      assertThat(report.cells(Map.of("month", "2150-01"), java.time.LocalDate.of(2026, 1, 1),
          org.datenraum.privacy.ConsentPolicy.EXCLUDE_DENIED).problem().code()).isEqualTo("DR-7301");
    }
  }

  private static double[] nan(int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    return out;
  }

  /** Rows of the stay's patient (by time, as the registry assigns them, not by ICUSTAY_ID). */
  private static List<Map<String, String>> rowsOf(List<Map<String, String>> rows,
      Map<String, String> stay) {
    return rows.stream().filter(r -> r.get("SUBJECT_ID").equals(stay.get("SUBJECT_ID"))).toList();
  }

  /** The stay's hours from INTIME; an interval touches an hour when it overlaps it. */
  record Grid(long start, int hours) {
    static Grid of(Map<String, String> stay) {
      long in = MimicCsv.seconds(stay.get("INTIME"));
      long out = MimicCsv.seconds(stay.get("OUTTIME"));
      return new Grid(in, (int) Math.max(1, (out - in + H - 1) / H));
    }

    void mark(boolean[] hours, long from, long to) {
      for (int h = 0; h < this.hours; h++) {
        long a = start + h * H;
        long b = a + H;
        if (from < b && to > a || from == to && from >= a && from < b) {
          hours[h] = true;
        }
      }
    }
  }
}
