package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A generated hospital loads through the real ingest with nothing quarantined. */
class GeneratorRoundTripIT {

  @TempDir Path tmp;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute(args);
    assertThat(status).as("%s: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }

  @Test
  void generatedSiteIngestsWithoutQuarantine() throws Exception {
    Path data = tmp.resolve("fhir");
    Path site = tmp.resolve("site");
    run("generate", "--out", data.toString(), "--patients", "300", "--seed", "5",
        "--site", "Klinikum Rundreise", "--years", "1",
        "--outbreak", "norovirus@2024-02-01:14d:+20");
    ObjectMapper json = new ObjectMapper();
    JsonNode ingest = json.readTree(run("ingest", "--site", site.toString(), "--json",
        data.toString()));
    assertThat(ingest.get("quarantinedByCode").toString()).isEqualTo("{}");
    assertThat(ingest.get("quarantined").asLong()).isZero();
    JsonNode stats = json.readTree(run("stats", "--site", site.toString(), "--json"));
    assertThat(stats.get("quarantined").asLong()).isZero();
    assertThat(stats.get("patients").asLong()).isEqualTo(320);
    assertThat(stats.get("facts").asLong()).isPositive();
  }
}
