package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.DuckDbSyndromicRecords;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datenraum cda} into a real site store: the storyboard sequence gets its reference
 * answers, a refused document is quarantined, the visits answer CCDL queries and are ED visits
 * for the syndromic surveillance.
 */
class CdaImportIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void theStoryboardsThroughTheCommandLine() throws Exception {
    Path site = tmp.resolve("site");
    String dir = "aktin/cda/storyboards/";
    List<String> args = new ArrayList<>(List.of("cda", "--site", site.toString(), "--json"));
    for (String f : List.of("01", "01", "01_error", "02", "03")) {
      args.add(Cli.testData(dir + "aktin_test_storyboard" + f + ".xml").toString());
    }
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isEqualTo(1);
    List<Integer> statuses = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      JsonNode o = JSON.readTree(line);
      assertThat(o.has("file") && o.has("issues")).isTrue();
      statuses.add(o.get("status").asInt());
    }
    assertThat(statuses).containsExactly(201, 200, 422, 201, 201);

    Cli.Run quarantine = Cli.run("quarantine", "--site", site.toString());
    assertThat(quarantine.out()).contains("aktin_test_storyboard01_error.xml").contains("DR-7206");

    Path query = Files.writeString(tmp.resolve("q.json"), """
        {"version": "http://to_be_decided.com/draft-2/schema#", "inclusionCriteria": [[
          {"context": {"system": "fdpg.mii.cds", "code": "Diagnose", "display": "Diagnose"},
           "termCodes": [{"system": "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "code": "S93.6", "display": "x"}]}]]}
        """);
    Cli.Run count = Cli.run("query", "--site", site.toString(), "--json", query.toString());
    assertThat(JSON.readTree(count.out()).get("count").asInt()).as(count.err()).isEqualTo(1);

    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      List<EdVisit> visits = DuckDbSyndromicRecords.of(store, ZoneOffset.UTC).visits();
      assertThat(visits).hasSize(3);
      EdVisit first = visits.stream().filter(v -> v.day().equals(LocalDate.of(2015, 1, 17))).findFirst().orElseThrow();
      assertThat(first.complaints()).containsExactly("557");
      assertThat(first.diagnoses()).contains("S93.6");
    }
  }
}
