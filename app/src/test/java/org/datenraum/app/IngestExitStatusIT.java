package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} exits 0 only when everything given was loaded, and a file ends alike whether it is
 * named or found in a directory.
 */
class IngestExitStatusIT {

  private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"gender\":\"female\","
      + "\"birthDate\":\"1970-01-01\"}";

  @TempDir Path tmp;

  private int ingest(String site, Path input) {
    Cli.Run r = Cli.run("ingest", "--site", tmp.resolve(site).toString(), input.toString());
    return r.status();
  }

  @Test
  void aGoodFileAndADirectoryHoldingItBothEndZero() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("good"));
    Path file = Files.writeString(dir.resolve("Patient.ndjson"), PATIENT.formatted("a") + "\n");
    assertThat(ingest("s1", file)).isZero();
    assertThat(ingest("s2", dir)).isZero();
  }

  @Test
  void aFileThatIsNotLoadedWholeEndsOneNamedOrInADirectoryBesideGoodFiles() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    Files.writeString(dir.resolve("Patient.ndjson"), PATIENT.formatted("a") + "\n");
    Path misnamed = Files.writeString(dir.resolve("Patient-2.json"),
        PATIENT.formatted("b") + "\n" + PATIENT.formatted("c") + "\n");
    assertThat(ingest("s1", misnamed)).isEqualTo(1);
    assertThat(ingest("s2", dir)).isEqualTo(1);
  }

  @Test
  void aLoadWhoseRecordsAllGoToQuarantineIsNotASuccess() throws Exception {
    Path conditions = Files.writeString(tmp.resolve("Condition.ndjson"), "{\"resourceType\":\"Condition\",\"id\":\"c1\","
        + "\"subject\":{\"reference\":\"Patient/nobody\"},\"code\":{\"coding\":[{\"system\":"
        + "\"http://fhir.de/CodeSystem/bfarm/icd-10-gm\",\"code\":\"E11.9\"}]}}\n");
    Cli.Run r = Cli.run("ingest", "--site", tmp.resolve("s").toString(), conditions.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("Quarantined 1 record");
  }

  @Test
  void aDirectoryWithNothingToLoadSaysWhatItLooksFor() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("export"));
    Files.writeString(dir.resolve("Patient.txt"), PATIENT.formatted("a"));
    Cli.Run r = Cli.run("ingest", "--site", tmp.resolve("s").toString(), dir.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("no FHIR files").contains("*.ndjson");
  }
}
