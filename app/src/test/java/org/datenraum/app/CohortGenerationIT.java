package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.fhir.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code generate --cohort}: the cohort study loads with nothing quarantined, and study, arm and
 * questionnaire criteria count what the generated files say (worked out here from the NDJSON).
 */
class CohortGenerationIT {

  private static final String STUDY = "NAPKON-HAP";
  private static final String QUESTIONNAIRE = "https://fhir.datenraum.example/Questionnaire/napkon-hap-visit";
  private static final String CURRENT_SMOKER = "LA18976-3";

  @TempDir Path tmp;

  private final ObjectMapper json = new ObjectMapper();

  /** What the generated files say, per patient id of the files. */
  private final Map<String, String> armOf = new HashMap<>();
  private final Set<String> smokers = new HashSet<>();
  private final Set<String> lowEqVas = new HashSet<>();
  private final Set<String> breathless = new HashSet<>();
  private final Set<String> serumAtMonth3 = new HashSet<>();

  @Test
  void theGeneratedCohortLoadsCleanAndCriteriaCountWhatItsFilesSay() throws IOException {
    Path data = tmp.resolve("fhir");
    String[] args = {"generate", "--out", data.toString(), "--patients", "250", "--seed", "11",
        "--site", "Klinikum Kohorte", "--years", "1", "--cohort", STUDY};
    run(args);
    List<JsonNode> responses = read(data, "QuestionnaireResponse");
    readFiles(data, responses);
    serumAtVisit(data, "month-3");
    long patients = read(data, "Patient").size();
    long visits = read(data, "Encounter").stream()
        .filter(e -> e.path("type").toString().contains("napkon-hap-visit")).count();
    assertThat(read(data, "ResearchStudy")).hasSize(1);
    assertThat(read(data, "Questionnaire")).hasSize(1);
    assertThat((long) armOf.size()).as("enrolled of %d", patients).isBetween(patients / 20, patients / 3);
    assertThat(responses).hasSize((int) visits).hasSizeGreaterThan(armOf.size());
    assertThat(smokers).isNotEmpty();
    assertThat(lowEqVas).isNotEmpty();
    assertThat(serumAtMonth3).isNotEmpty();

    Path siteDir = tmp.resolve("site");
    IngestReport report = IngestCommand.load(new SiteDirectory(siteDir).create(), List.of(data), true);
    assertThat(report.quarantined()).isEmpty();
    try (LoadedSite site = LoadedSite.reopen(siteDir)) {
      String study = criterion("Studie", "https://fhir.datenraum.example/sid/study", STUDY, "");
      String hospitalised = criterion("Studie", "https://fhir.datenraum.example/sid/study", STUDY,
          ", \"attributeFilters\": [{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\": \"arm\"},"
              + " \"selectedConcepts\": [{\"system\": \"urn:datenraum:study-arm\", \"code\": \"hospitalised\"}]}]");
      String smoking = criterion("Fragebogen", QUESTIONNAIRE, "smoking", ", \"valueFilter\": {\"type\": \"concept\","
          + " \"selectedConcepts\": [{\"system\": \"http://loinc.org\", \"code\": \"" + CURRENT_SMOKER + "\"}]}");
      String eqVas = criterion("Fragebogen", QUESTIONNAIRE, "eq-vas", ", \"valueFilter\": {\"type\":"
          + " \"quantity-comparator\", \"comparator\": \"lt\", \"value\": 50}");
      String mmrc = criterion("Fragebogen", QUESTIONNAIRE, "dyspnoea-mmrc", ", \"valueFilter\": {\"type\":"
          + " \"quantity-comparator\", \"comparator\": \"ge\", \"value\": 2}");

      assertThat(site.count(query("[" + study + "]"))).isEqualTo(armOf.size());
      assertThat(site.count(query("[" + hospitalised + "]")))
          .isEqualTo(armOf.values().stream().filter("hospitalised"::equals).count());
      assertThat(site.count(query("[" + smoking + "]"))).isEqualTo(smokers.size());
      assertThat(site.count(query("[" + eqVas + "]"))).isEqualTo(lowEqVas.size());
      String serum = criterion("Specimen", "http://snomed.info/sct", "119364003", ", \"timeRelation\": {\"minDays\": -1,"
          + " \"maxDays\": 1, \"criteria\": [" + criterion("Fall", "https://fhir.datenraum.example/CodeSystem/"
          + "napkon-hap-visit", "month-3", "") + "]}");
      assertThat(site.count(query("[" + serum + "]"))).isEqualTo(serumAtMonth3.size());
      Set<String> both = new HashSet<>(lowEqVas);
      both.retainAll(breathless);
      assertThat(site.count(query("[" + hospitalised + "], [" + eqVas + "], [" + mmrc + "]"))).isEqualTo(
          both.stream().filter(p -> "hospitalised".equals(armOf.get(p))).count());
    }
  }

  private void readFiles(Path data, List<JsonNode> responses) throws IOException {
    for (JsonNode s : read(data, "ResearchSubject")) {
      armOf.put(patient(s.path("individual")), s.path("assignedArm").asText());
    }
    for (JsonNode r : responses) {
      String p = patient(r.path("subject"));
      for (JsonNode item : r.path("item")) {
        JsonNode answer = item.path("answer").path(0);
        switch (item.path("linkId").asText()) {
          case "smoking" -> {
            if (answer.path("valueCoding").path("code").asText().equals(CURRENT_SMOKER)) {
              smokers.add(p);
            }
          }
          case "eq-vas" -> {
            if (answer.path("valueInteger").asInt() < 50) {
              lowEqVas.add(p);
            }
          }
          case "dyspnoea-mmrc" -> {
            if (answer.path("valueInteger").asInt() >= 2) {
              breathless.add(p);
            }
          }
          default -> { }
        }
      }
    }
  }

  /** Patients with a serum specimen collected within a day of one of their visits of this kind. */
  private void serumAtVisit(Path data, String kind) throws IOException {
    Map<String, List<Long>> visits = new HashMap<>();
    for (JsonNode e : read(data, "Encounter")) {
      if (e.path("type").path(0).path("coding").path(0).path("code").asText().equals(kind)) {
        visits.computeIfAbsent(patient(e.path("subject")), k -> new ArrayList<>())
            .add(seconds(e.path("period").path("start")));
      }
    }
    for (JsonNode s : read(data, "Specimen")) {
      String p = patient(s.path("subject"));
      if (s.path("type").path("coding").path(0).path("code").asText().equals("119364003")) {
        long at = seconds(s.path("collection").path("collectedDateTime"));
        if (visits.getOrDefault(p, List.of()).stream().anyMatch(v -> Math.abs(at - v) <= 86_400)) {
          serumAtMonth3.add(p);
        }
      }
    }
  }

  private static long seconds(JsonNode dateTime) {
    return java.time.OffsetDateTime.parse(dateTime.asText()).toEpochSecond();
  }

  private static String patient(JsonNode reference) {
    return reference.path("reference").asText().substring("Patient/".length());
  }

  private List<JsonNode> read(Path dir, String type) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(type + ".ndjson"))) {
      if (!line.isBlank()) {
        out.add(json.readTree(line));
      }
    }
    return out;
  }

  private static String criterion(String context, String system, String code, String more) {
    return "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"" + context + "\"}, \"termCodes\": [{\"system\": \""
        + system + "\", \"code\": \"" + code + "\"}]" + more + "}";
  }

  private Path query(String groups) throws IOException {
    return Files.writeString(Files.createTempFile(tmp, "query", ".json"),
        "{\"version\": \"2\", \"inclusionCriteria\": [" + groups + "]}");
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(args)).as("%s: %s", String.join(" ", args), err).isZero();
  }
}
