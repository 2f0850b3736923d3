package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad records go to quarantine with file, place and reason; the rest of the load goes in. */
class BadInputTest {

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void malformedLineIsQuarantinedAndTheRestLoads() throws IOException {
    Path f = write("Patient.ndjson", Fhir.patient("p1", "1970-05-12"), "{\"resourceType\": \"Pat",
        Fhir.patient("p2", "1980-01-01"));
    InMemorySiteStore store = Loads.fresh();

    IngestReport r = Loads.load(store, f);

    assertThat(store.stats().patients()).isEqualTo(2);
    QuarantineEntry q = single(store);
    assertThat(q.file()).isEqualTo(f.toString());
    assertThat(q.location()).isEqualTo("line 2");
    assertThat(q.problem().code()).isEqualTo("DR-1001");
    assertThat(q.problem().message()).contains("not valid JSON");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void truncatedOrCorruptCompressedFilesAreQuarantinedAndTheOtherFilesLoad() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      text.append(Fhir.patient("p" + i, "1970-05-12")).append('\n');
    }
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] whole = gz.toByteArray();
    Path truncated = Files.write(dir.resolve("Patient-1.ndjson.gz"),
        java.util.Arrays.copyOf(whole, whole.length / 2));
    Path corrupt = Files.write(dir.resolve("Patient-2.ndjson.gz"),
        new byte[] {0x1f, (byte) 0x8b, 0, 0, 0, 0});
    Path good = write("Patient-3.ndjson", Fhir.patient("q1", "1980-01-01"));
    InMemorySiteStore store = Loads.fresh();

    IngestReport r = Loads.load(store, truncated, corrupt, good);

    long loaded = store.stats().patients();
    assertThat(loaded).as("whole lines before the cut, and the good file").isBetween(2L, 2_000L);
    assertThat(store.quarantine()).extracting(q -> q.file() + " " + q.location() + " "
        + q.problem().code()).containsExactlyInAnyOrder(
            truncated + " line " + loaded + " DR-1008", corrupt + " file DR-1007");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void unknownTypeIsQuarantined() throws IOException {
    Path f = write("x.ndjson", Fhir.patient("p1", "1970"), "{\"resourceType\":\"Patiant\",\"id\":\"1\"}");
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, f);
    QuarantineEntry q = single(store);
    assertThat(q.problem().code()).isEqualTo("DR-1012");
    assertThat(q.problem().message()).contains("`Patiant`").contains("not a FHIR R4 resource type");
    assertThat(q.resourceType()).isEqualTo("Patiant");
  }

  @Test
  void invalidResourcesAreQuarantinedWithReason() throws IOException {
    Path f = write("Observation.ndjson",
        Fhir.patient("p1", "1970-05-12"),
        Fhir.observation("o1", "Patient/p1", "718-7", "13.1"),
        Fhir.observation("o2", "Patient/p1", "718-7", "\"high\""),
        Fhir.condition("c1", "Patient/p1", "E11.9", "2024-13-45"),
        "{\"resourceType\":\"Observation\",\"id\":\"o3\",\"status\":\"final\",\"subject\":"
            + "{\"reference\":\"Patient/p1\"}}",
        "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/p1\"}}");
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, f);

    assertThat(store.stats().resources()).containsEntry("Observation", 1L);
    assertThat(store.quarantine()).extracting(q -> q.location() + " " + q.problem().code())
        .containsExactly("line 3 DR-1021", "line 4 DR-1020", "line 5 DR-1011", "line 6 DR-1013");
    assertThat(store.quarantine().get(1).problem().message())
        .contains("`onsetDateTime`").contains("YYYY-MM-DD");
  }

  @Test
  void danglingPatientReferenceIsQuarantinedAtTheEnd() throws IOException {
    Path f = write("Condition.ndjson",
        Fhir.condition("c1", "Patient/later", "I10", "2024-01-01"),
        Fhir.condition("c2", "Patient/nobody", "I10", "2024-01-01"),
        Fhir.patient("later", "1950-02-03"));
    InMemorySiteStore store = Loads.fresh();

    Loads.load(store, f);

    assertThat(store.stats().resources()).containsEntry("Condition", 1L);
    QuarantineEntry q = single(store);
    assertThat(q.location()).isEqualTo("line 2");
    assertThat(q.problem().code()).isEqualTo("DR-1015");
    assertThat(q.problem().message()).doesNotContain("nobody");
  }

  @Test
  void clinicalRecordWithoutPatientIsRejected() throws IOException {
    Path f = write("c.ndjson", "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{}}");
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, f);
    assertThat(single(store).problem().code()).isEqualTo("DR-1014");
  }

  @Test
  void unreadableFileIsReportedAndOtherFilesStillLoad() throws IOException {
    Path bad = write("broken.json", "{ not json");
    Path good = write("Patient.ndjson", Fhir.patient("p1", "1970"));
    InMemorySiteStore store = Loads.fresh();

    IngestReport r = Loads.load(store, bad, good);

    assertThat(r.unreadableFiles()).isEqualTo(1);
    assertThat(r.failed()).isFalse();
    assertThat(store.stats().patients()).isEqualTo(1);
    assertThat(single(store).location()).isEqualTo("file");
  }

  @Test
  void inputThatCannotBeReadAtAllFails() throws IOException {
    IngestReport r = Loads.load(Loads.fresh(), write("broken.json", "<<<"));
    assertThat(r.failed()).isTrue();
  }

  @Test
  void aJsonFileHoldingSeveralValuesIsRejectedInsteadOfLoadingItsFirstLine() throws IOException {
    Path f = write("Patient.json", Fhir.patient("p1", "1970-05-12"), Fhir.patient("p2", "1980-01-01"));
    InMemorySiteStore store = Loads.fresh();

    IngestReport r = Loads.load(store, f);

    assertThat(store.stats().patients()).isZero();
    QuarantineEntry q = single(store);
    assertThat(q.location()).isEqualTo("file");
    assertThat(q.problem().code()).isEqualTo("DR-1004");
    assertThat(q.problem().message()).contains("more than one JSON value").contains(".ndjson");
    assertThat(r.complete()).isFalse();
  }

  @Test
  void aBrokenJsonFileIsDescribedWithoutTheParsersInternals() throws IOException {
    Path f = write("Bundle.json", "{\"resourceType\": \"Bundle\", \"entry\": [");
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, f);
    assertThat(single(store).problem().message()).contains("not valid JSON").doesNotContain("Source")
        .doesNotContain("REDACTED");
  }

  private static QuarantineEntry single(InMemorySiteStore store) {
    List<QuarantineEntry> q = store.quarantine();
    assertThat(q).hasSize(1);
    return q.get(0);
  }
}
