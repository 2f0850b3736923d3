package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum biosamples} on a real DuckDB site: the MII biobank bundle and a worked example. */
class BiosamplesCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCT = "http://snomed.info/sct";

  @TempDir Path tmp;

  @Test
  void serumPatientsOfTheMiiBiobankBundleWithAllTheirSpecimensPerType() throws Exception {
    Path bundle = Cli.testData("mii-kds/Bundle-mii-exa-test-data-bundle-biobank-1.json");
    Path site = tmp.resolve("site");
    assertThat(Cli.run("ingest", "--site", site.toString(), bundle.toString()).status()).isZero();
    Path query = Files.writeString(tmp.resolve("serum.json"), "{\"version\": \"2\", \"inclusionCriteria\": [[{"
        + "\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Specimen\"}, \"termCodes\": [{\"system\": \""
        + SCT + "\", \"code\": \"119364003\"}]}]]}");

    Cli.Run run = Cli.run("biosamples", "--site", site.toString(), "--json", query.toString());

    assertThat(run.status()).as(run.err()).isZero();
    // worked out from the bundle itself: the serum patients, then all their specimens by type
    Map<String, Map<String, Integer>> byPatient = new HashMap<>();
    for (JsonNode e : JSON.readTree(bundle.toFile()).get("entry")) {
      JsonNode r = e.get("resource");
      if (r.get("resourceType").asText().equals("Specimen")) {
        byPatient.computeIfAbsent(r.at("/subject/reference").asText(), p -> new HashMap<>())
            .merge(r.at("/type/coding/0/code").asText(), 1, Integer::sum);
      }
    }
    Set<String> serum = new HashSet<>();
    byPatient.forEach((p, types) -> {
      if (types.containsKey("119364003")) {
        serum.add(p);
      }
    });
    Map<String, int[]> expected = new HashMap<>();
    for (String p : serum) {
      byPatient.get(p).forEach((type, n) -> {
        int[] c = expected.computeIfAbsent(type, t -> new int[2]);
        c[0]++;
        c[1] += n;
      });
    }
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("patients").asInt()).isEqualTo(serum.size()).isEqualTo(8);
    assertThat(answer.get("sampleTypes").size()).isEqualTo(expected.size());
    expected.forEach((type, c) -> {
      assertThat(answer.at("/sampleTypes/" + type + "/patients").asInt()).as(type).isEqualTo(c[0]);
      assertThat(answer.at("/sampleTypes/" + type + "/specimens").asInt()).as(type).isEqualTo(c[1]);
    });
    Cli.Run table = Cli.run("biosamples", "--site", site.toString(), query.toString());
    assertThat(table.out()).contains("8 patients selected").contains("119364003");
  }

  @Test
  void e11WithASerumSampleWithin30DaysOfTheDiagnosisAndOneMillilitreLeft() throws Exception {
    String icd = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
    StringBuilder patients = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    // p1: serum 1.5 ml (1500 uL) 10 days after E11.90, plus an aliquot of 200 uL and an EDTA tube
    // p2: serum 5 ml but 40 days after; p3: serum 0.5 ml; p4: serum 2 ml but no E11
    for (String p : new String[] {"p1", "p2", "p3", "p4"}) {
      patients.append("{\"resourceType\":\"Patient\",\"id\":\"").append(p).append("\",\"gender\":\"female\"}\n");
    }
    for (String[] c : new String[][] {{"c1", "p1", "E11.90"}, {"c2", "p2", "E11.9"}, {"c3", "p3", "E11"}, {"c4", "p4", "I10"}}) {
      rest.append("{\"resourceType\":\"Condition\",\"id\":\"").append(c[0]).append("\",\"subject\":{\"reference\":\"Patient/")
          .append(c[1]).append("\"},\"code\":{\"coding\":[{\"system\":\"").append(icd).append("\",\"code\":\"").append(c[2])
          .append("\"}]},\"onsetDateTime\":\"2025-01-01\"}\n");
    }
    rest.append(specimen("s1", "p1", "119364003", "2025-01-11", 1500, "uL", null))
        .append(specimen("s1a", "p1", "119364003", "2025-01-12", 200, "uL", "s1"))
        .append(specimen("s1b", "p1", "445295009", "2025-01-11", 5, "mL", null))
        .append(specimen("s2", "p2", "119364003", "2025-02-10", 5, "mL", null))
        .append(specimen("s3", "p3", "119364003", "2025-01-05", 0.5, "mL", null))
        .append(specimen("s4", "p4", "119364003", "2025-01-05", 2, "mL", null));
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("Patient.ndjson"), patients);
    Files.writeString(in.resolve("Other.ndjson"), rest);
    Path site = tmp.resolve("site");
    Cli.Run ingest = Cli.run("ingest", "--site", site.toString(), in.toString());
    assertThat(ingest.status()).as(ingest.out() + ingest.err()).isZero();

    Cli.Run run = Cli.run("biosamples", "--site", site.toString(), "--json",
        Path.of("..", "examples", "queries", "e11-serum-within-30-days.json").toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"patients\": 1, \"sampleTypes\": {"
        + "\"119364003\": {\"patients\": 1, \"specimens\": 2}, \"445295009\": {\"patients\": 1, \"specimens\": 1}}}"));
    // by the sample locator's kinds: serum is blood-serum, EDTA blood falls under whole-blood
    Path example = Path.of("..", "examples", "queries", "e11-serum-within-30-days.json");
    Cli.Run kinds = Cli.run("biosamples", "--site", site.toString(), "--sample-kinds", "--json", example.toString());
    assertThat(kinds.status()).as(kinds.err()).isZero();
    assertThat(JSON.readTree(kinds.out())).isEqualTo(JSON.readTree("{\"patients\": 1, \"sampleKinds\": {"
        + "\"blood-serum\": {\"patients\": 1, \"specimens\": 2}, \"whole-blood\": {\"patients\": 1, \"specimens\": 1}}}"));
    String text = Cli.run("biosamples", "--site", site.toString(), "--sample-kinds", example.toString()).out();
    assertThat(text).contains("sample kind");
    assertThat(text.indexOf("whole-blood")).isPositive().isLessThan(text.indexOf("blood-serum"));
  }

  @Test
  void noStoreOrABadQueryExitsOne() throws Exception {
    Path query = Files.writeString(tmp.resolve("bad.json"), "{\"version\": \"2\", \"inclusionCriteria\": [[{"
        + "\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Specimen\"}, \"termCodes\": [{\"system\": \""
        + SCT + "\", \"code\": \"119364003\"}], \"timeRelation\": {\"criteria\": [{\"context\": {\"system\": \"s\","
        + " \"code\": \"Diagnose\"}, \"termCodes\": [{\"system\": \"s\", \"code\": \"x\"}]}]}}]]}");
    assertThat(Cli.run("biosamples", "--site", tmp.resolve("none").toString(), query.toString()).status()).isEqualTo(1);
    Path site = tmp.resolve("site");
    Path bundle = Cli.testData("mii-kds/Bundle-mii-exa-test-data-bundle-biobank-1.json");
    assertThat(Cli.run("ingest", "--site", site.toString(), bundle.toString()).status()).isZero();
    Cli.Run run = Cli.run("biosamples", "--site", site.toString(), query.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("DR-7411");
  }

  private static String specimen(String id, String patient, String type, String day, double amount, String unit,
      String parent) {
    return "{\"resourceType\":\"Specimen\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\"Patient/" + patient
        + "\"},\"type\":{\"coding\":[{\"system\":\"" + SCT + "\",\"code\":\"" + type + "\"}]},\"collection\":"
        + "{\"collectedDateTime\":\"" + day + "\"},\"container\":[{\"specimenQuantity\":{\"value\":" + amount
        + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}]"
        + (parent == null ? "" : ",\"parent\":[{\"reference\":\"Specimen/" + parent + "\"}]") + "}\n";
  }
}
