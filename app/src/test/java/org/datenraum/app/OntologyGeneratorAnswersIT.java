package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fhir-ontology-generator's expected counts ({@code ontgen/ModuleTestDataConfig.json}) on the
 * MII core data set examples, loaded through the real ingest; entries the config marks
 * {@code disabled} are skipped, as the generator's own test skips them.
 */
class OntologyGeneratorAnswersIT {

  @TempDir Path tmp;

  @Test
  void everyEnabledEntryCountsAsExpected() throws IOException {
    JsonNode config = new ObjectMapper().readTree(Cli.testData("ccdl/ontgen/ModuleTestDataConfig.json").toFile());
    List<String> wrong = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    try (LoadedSite site = LoadedSite.load(tmp.resolve("site"), Cli.testData("mii-kds"))) {
      for (JsonNode entry : config) {
        String name = entry.get("query").asText();
        if (entry.path("status").path("disabled").asBoolean(false)) {
          disabled.add(name);
          continue;
        }
        long expected = entry.get("expected").asLong();
        long count = site.count(Cli.testData("ccdl/ontgen/" + name));
        checked.add(name);
        if (count != expected) {
          wrong.add(name + ": " + count + " instead of " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    assertThat(disabled).containsExactlyInAnyOrder(
        "BioprobeQuery1Patient1.json", "BioprobeQuery3Patient1.json", "ICU_spo2-pulsoxymetrie_Patient1_Q1.json");
  }
}
