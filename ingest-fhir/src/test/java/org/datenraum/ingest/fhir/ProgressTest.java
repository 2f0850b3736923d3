package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes a load reports as done advance with the resources mapped, inside a large file too. */
class ProgressTest {

  private static final int OBSERVATIONS = 30_000;

  @TempDir Path dir;

  @Test
  void progressAdvancesInsideALargeNdjsonFile() throws IOException {
    Path patients = Files.writeString(dir.resolve("Patient.ndjson"), Fhir.patient("p1", "1970"));
    Path observations = dir.resolve("Observation.ndjson");
    try (OutputStream out = Files.newOutputStream(observations)) {
      writeObservations(out);
    }
    assertAdvances(patients, observations);
  }

  @Test
  void progressAdvancesInsideACompressedFile() throws IOException {
    Path patients = Files.writeString(dir.resolve("Patient.ndjson"), Fhir.patient("p1", "1970"));
    Path observations = dir.resolve("Observation.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(observations))) {
      writeObservations(out);
    }
    assertAdvances(patients, observations);
  }

  private void assertAdvances(Path patients, Path observations) {
    long before = size(patients);
    long total = before + size(observations);
    List<long[]> updates = new ArrayList<>();
    FhirIngest.of(Loads.pseudonymizer()).load(List.of(observations, patients), Lookups.none(),
        batch -> { }, (read, all, resources) -> updates.add(new long[] {read, all, resources}));

    List<Long> inside = updates.stream().filter(u -> u[2] > 1 && u[2] < OBSERVATIONS)
        .map(u -> u[0]).toList();
    assertThat(updates).allSatisfy(u -> assertThat(u[1]).isEqualTo(total));
    assertThat(inside).hasSizeGreaterThanOrEqualTo(5).isSorted()
        .allSatisfy(read -> assertThat(read).isBetween(before, total));
    assertThat(inside.stream().distinct().count()).isGreaterThanOrEqualTo(5);
    for (long[] u : updates) {
      double share = (double) (u[0] - before) / (total - before);
      double mapped = (double) (u[2] - 1) / OBSERVATIONS;
      assertThat(share).as("share of bytes at %d resources", u[2]).isCloseTo(mapped,
          org.assertj.core.data.Offset.offset(0.1));
    }
    assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(total);
  }

  /** Lines with random ids, so that compressed they still fill a file many buffers long. */
  private static void writeObservations(OutputStream out) throws IOException {
    java.util.Random random = new java.util.Random(21);
    for (int i = 0; i < OBSERVATIONS; i++) {
      String id = "o" + i + "-" + Long.toHexString(random.nextLong())
          + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      out.write((Fhir.observation(id, "Patient/p1", "718-7", Integer.toString(10 + i % 7))
          + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
