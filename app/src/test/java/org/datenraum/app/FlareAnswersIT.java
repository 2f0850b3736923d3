package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.query.mapping.MappingDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flare's integration answer: 69 of the 120 Synthea patients have viral sinusitis (SNOMED
 * 444814009), with the built-in mapping and with flare's own mapping files as override.
 */
class FlareAnswersIT {

  @TempDir Path tmp;

  @Test
  void viralSinusitisCounts69WithBothMappings() throws IOException {
    Path query = Cli.testData("ccdl/flare/flare-integration-query-444814009.json");
    Path mapping = tmp.resolve("mapping");
    Files.createDirectories(mapping);
    Files.copy(Cli.testData("ccdl/flare/flare-synthea-mapping_fhir.json"), mapping.resolve("mapping_fhir.json"));
    Files.copy(Cli.testData("ccdl/flare/flare-synthea-mapping_tree.json"), mapping.resolve("mapping_tree.json"));
    Path siteDir = tmp.resolve("site");
    try (LoadedSite site = LoadedSite.load(siteDir, Cli.testData("synthea-flare"))) {
      assertThat(site.count(query)).isEqualTo(69);
      assertThat(site.count(query, MappingDirectory.load(mapping).value())).isEqualTo(69);
    }
    Cli.Run builtIn = Cli.run("query", "--site", siteDir.toString(), "--json", query.toString());
    assertThat(builtIn.status()).as(builtIn.err()).isZero();
    assertThat(builtIn.out().trim()).isEqualTo("{\"count\": 69}");
    Cli.Run override = Cli.run("query", "--site", siteDir.toString(), "--mapping", mapping.toString(), "--json",
        query.toString());
    assertThat(override.status()).as(override.err()).isZero();
    assertThat(override.out().trim()).isEqualTo("{\"count\": 69}");
  }
}
