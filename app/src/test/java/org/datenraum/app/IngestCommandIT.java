package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DIZ's daily job on the command line: ingest, stats, quarantine, on a real DuckDB file. */
class IngestCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void ingestThenStatsAsJson() throws Exception {
    Path site = tmp.resolve("site");
    Cli.Run ingest = Cli.run("ingest", "--site", site.toString(), "--json",
        Cli.testData("mii-kds").toString());
    assertThat(ingest.status()).as(ingest.err()).isZero();
    assertThat(JSON.readTree(ingest.out()).get("quarantined").asLong()).isZero();

    Cli.Run stats = Cli.run("stats", "--site", site.toString(), "--json");
    JsonNode s = JSON.readTree(stats.out());
    assertThat(s.get("patients").asLong()).isEqualTo(31);
    assertThat(s.get("resources").get("Observation").asLong()).isEqualTo(243);
    assertThat(s.get("facts").asLong()).isPositive();
    assertThat(s.get("quarantined").asLong()).isZero();
    assertThat(Files.getPosixFilePermissions(site.resolve("secret.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Cli.Run again = Cli.run("ingest", "--site", site.toString(), "--json",
        Cli.testData("mii-kds").toString());
    assertThat(again.status()).isZero();
    assertThat(JSON.readTree(Cli.run("stats", "--site", site.toString(), "--json").out()))
        .isEqualTo(s);
  }

  @Test
  void badRecordsAreListedInQuarantineTheRestLoadsAndTheStatusSaysSo() throws Exception {
    Path input = Files.writeString(tmp.resolve("Patient.ndjson"),
        "{\"resourceType\":\"Patient\",\"id\":\"a\",\"gender\":\"male\"}\nnot json\n");
    Path site = tmp.resolve("site");
    Cli.Run ingest = Cli.run("ingest", "--site", site.toString(), input.toString());
    assertThat(ingest.status()).isEqualTo(1);
    assertThat(ingest.out()).contains("Loaded 1 resources").contains("Quarantined 1 record");

    Cli.Run q = Cli.run("quarantine", "--site", site.toString());
    assertThat(q.out()).contains(input + " line 2: DR-1001");
  }

  @Test
  void missingInputFailsWithAClearMessage() {
    Cli.Run r = Cli.run("ingest", "--site", tmp.resolve("s").toString(), "/nonexistent/x.ndjson");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("DR-1000").contains("`/nonexistent/x.ndjson` does not exist");
  }

  @Test
  void wholeInputUnreadableExitsNonZero() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bundle.json"), "{ truncated");
    Cli.Run r = Cli.run("ingest", "--site", tmp.resolve("s").toString(), bad.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("could not be read");
  }

  @Test
  void statsOnAMissingSiteSaysHowToStart() {
    Cli.Run r = Cli.run("stats", "--site", tmp.resolve("none").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("datenraum ingest --site");
  }

  @Test
  void sameSecretGivesSamePseudonymsAcrossRuns() throws Exception {
    Path site = tmp.resolve("site");
    Path input = Files.writeString(tmp.resolve("Patient.ndjson"),
        "{\"resourceType\":\"Patient\",\"id\":\"a\",\"gender\":\"male\"}\n");
    Cli.run("ingest", "--site", site.toString(), input.toString());
    byte[] secret = Files.readAllBytes(site.resolve("secret.key"));
    Cli.run("ingest", "--site", site.toString(), input.toString());
    assertThat(Files.readAllBytes(site.resolve("secret.key"))).isEqualTo(secret).hasSize(32);
    assertThat(JSON.readTree(Cli.run("stats", "--site", site.toString(), "--json").out())
        .get("patients").asLong()).isEqualTo(1);
  }
}
