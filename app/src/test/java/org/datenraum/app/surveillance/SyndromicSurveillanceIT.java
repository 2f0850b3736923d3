package org.datenraum.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datenraum.app.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Syndromic surveillance end to end: two generated hospitals (the same 2,500 patients over three
 * years, one with 40 norovirus cases planted from 2025-10-06) loaded through the real ingest,
 * counted, evaluated and reported on the command line.
 */
class SyndromicSurveillanceIT {

  private static final LocalDate OUTBREAK = LocalDate.of(2025, 10, 6);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path plain;
  static Path planted;
  static Path plantedData;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  static String ok(String... args) {
    Run r = run(args);
    assertThat(r.status()).as("%s: %s", String.join(" ", args), r.err()).isZero();
    return r.out();
  }

  @BeforeAll
  static void sites() throws IOException {
    Path base = tmp.resolve("fhir-plain");
    plantedData = tmp.resolve("fhir-planted");
    List<String> common = List.of("--patients", "2500", "--seed", "7", "--site",
        "Klinikum Nordstadt", "--start", "2023-01-01", "--years", "3");
    ok(args("generate", "--out", base.toString(), common));
    ok(args("generate", "--out", plantedData.toString(), common, "--outbreak",
        "norovirus@" + OUTBREAK + ":14d:+40"));
    plain = tmp.resolve("plain");
    ok("ingest", "--site", plain.toString(), base.toString());
    planted = tmp.resolve("planted");
    SiteCopies.copy(plain, planted);
    Path extra = SiteCopies.linesNotIn(plantedData, base, tmp.resolve("fhir-extra"));
    ok("ingest", "--site", planted.toString(), extra.toString());
  }

  private static String[] args(String command, String flag, String value, List<String> common,
      String... more) {
    List<String> all = new ArrayList<>(List.of(command, flag, value));
    all.addAll(common);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static JsonNode counts(Path site) throws IOException {
    return JSON.readTree(ok("surveillance", "counts", "--site", site.toString(), "--json",
        "--min-cell", "1"));
  }

  /** Sum of a count field over the cells of one indicator and age group, by day. */
  private static Map<LocalDate, Integer> byDay(JsonNode counts, String indicator, String field) {
    Map<LocalDate, Integer> out = new TreeMap<>();
    for (JsonNode c : counts.get("cells")) {
      if (c.get("indicator").asText().equals(indicator)
          && c.get("ageGroup").asText().equals("all")) {
        out.merge(LocalDate.parse(c.get("day").asText()), c.get(field).asInt(), Integer::sum);
      }
    }
    out.values().removeIf(v -> v == 0);
    return out;
  }

  @Test
  void countsAgreeWithTheGeneratedFhirData() throws IOException {
    JsonNode counts = counts(planted);
    FhirEdVisits fhir = FhirEdVisits.read(plantedData);
    assertThat(byDay(counts, "GI", "denominator")).isEqualTo(fhir.visitsByDay());
    assertThat(byDay(counts, "GI", "count")).isEqualTo(fhir.giVisitsByDay());
    assertThat(byDay(counts, "ARI", "denominator").values().stream().mapToInt(i -> i).sum())
        .isEqualTo(fhir.visitsByDay().values().stream().mapToInt(i -> i).sum());
    int plantedGi = byDay(counts, "GI", "count").values().stream().mapToInt(i -> i).sum();
    int plainGi = byDay(counts(plain), "GI", "count").values().stream().mapToInt(i -> i).sum();
    assertThat(plantedGi - plainGi).as("all 40 planted cases are GI cases").isEqualTo(40);
    for (String group : List.of("0-4", "5-14", "15-34", "35-59", "60+")) {
      assertThat(counts.get("cells").findValuesAsText("ageGroup")).contains(group);
    }
  }

  @Test
  void releasedCountsWithholdSmallCells() throws IOException {
    Path csv = tmp.resolve("counts.csv");
    assertThat(ok("surveillance", "counts", "--site", planted.toString(), "--csv",
        csv.toString())).contains("withheld", "minimum cell size 5");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(
        "site,day,kind,indicator,age_group,count,denominator,suppressed");
    long withheld = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (!f[5].isEmpty()) {
        int count = Integer.parseInt(f[5]);
        assertThat(count == 0 || count >= 5).as(line).isTrue();
      } else {
        withheld++;
      }
    }
    assertThat(withheld).isPositive();
  }

  @Test
  void thePlantedOutbreakIsSignalledInItsFirstWeekWithoutFloodingTheList() throws IOException {
    JsonNode withOutbreak = signals(planted, "farrington-flexible");
    JsonNode without = signals(plain, "farrington-flexible");
    System.out.printf("farringtonFlexible (weekly, b=%s), signals in 2025 over %d series:"
        + " %d with the outbreak, %d without%n", withOutbreak.at("/parameters/b").asText(),
        withOutbreak.get("series").asInt(), withOutbreak.get("signals").size(),
        without.get("signals").size());
    assertThat(firstOutbreakSignal(withOutbreak)).isBetween(OUTBREAK, OUTBREAK.plusDays(6));
    assertThat(outbreakSignals(without)).isZero();
    assertThat(without.get("signals").size()).as("false signals in a year of 72 series")
        .isLessThanOrEqualTo(12);
    JsonNode signal = withOutbreak.get("signals").get(0);
    for (String field : List.of("observed", "expected", "upperBound", "method", "parameters",
        "series", "epoch")) {
      assertThat(signal.has(field)).as(field).isTrue();
    }
  }

  @Test
  void earsC2OnDaysSignalsWithinDays() throws IOException {
    JsonNode withOutbreak = signals(planted, "ears-c2", "--control", "minSigma=1");
    JsonNode without = signals(plain, "ears-c2", "--control", "minSigma=1");
    System.out.printf("EARS C2 (daily, minSigma=1), signals in 2025: %d with the outbreak,"
        + " %d without%n", withOutbreak.get("signals").size(), without.get("signals").size());
    assertThat(firstOutbreakSignal(withOutbreak)).isBetween(OUTBREAK, OUTBREAK.plusDays(3));
    assertThat(without.get("signals").size()).isLessThanOrEqualTo(12);
  }

  @Test
  void theReportShowsSeriesBandsAndSignals() throws IOException {
    Path html = tmp.resolve("report.html");
    Path model = tmp.resolve("report.json");
    assertThat(ok("surveillance", "report", "--site", planted.toString(), "--name",
        "Klinikum Nordstadt", "--monitor-from", "2025-01-01", "--out", html.toString(),
        "--model", model.toString())).contains("signals", "72 series");
    String page = Files.readString(html);
    JsonNode m = JSON.readTree(Files.readString(model));
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "class=\"band\"",
        "class=\"signal\"", "class=\"upper\"", "Gastrointestinal infection", "2025-W41",
        "id=\"signal-1\"", "Boender et al. 2022").doesNotContain("<script src", "<link",
        "src=\"http", "href=\"http");
    assertThat(m.get("signals").size()).isPositive();
    assertThat(m.get("overview").size()).isEqualTo(12);
    assertThat(page.split("<svg", -1).length - 1)
        .isEqualTo(m.get("overview").size() + m.get("signals").size());
    assertThat(page).contains(JSON.writeValueAsString(m.get("signals").get(0).get("series")));
  }

  @Test
  void aDirectoryWithoutStoreIsAProblem() {
    Run r = run("surveillance", "signals", "--site", tmp.resolve("nothing").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("DR-1100", "datenraum ingest");
  }

  private static JsonNode signals(Path site, String method, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("surveillance", "signals", "--site",
        site.toString(), "--method", method, "--monitor-from", "2025-01-01", "--json"));
    args.addAll(List.of(more));
    return JSON.readTree(ok(args.toArray(String[]::new)));
  }

  private static boolean isOutbreakSignal(JsonNode s) {
    LocalDate day = LocalDate.parse(s.get("start").asText());
    return (s.get("indicator").asText().equals("GI")
        || s.get("indicator").asText().equals("NOROVIRUS"))
        && s.get("ageGroup").asText().equals("all")
        && !day.isBefore(OUTBREAK.minusDays(6)) && day.isBefore(OUTBREAK.plusDays(14));
  }

  private static LocalDate firstOutbreakSignal(JsonNode signals) {
    for (JsonNode s : signals.get("signals")) {
      if (isOutbreakSignal(s)) {
        return LocalDate.parse(s.get("start").asText());
      }
    }
    return LocalDate.MAX;
  }

  private static long outbreakSignals(JsonNode signals) {
    long n = 0;
    for (JsonNode s : signals.get("signals")) {
      n += isOutbreakSignal(s) ? 1 : 0;
    }
    return n;
  }
}
