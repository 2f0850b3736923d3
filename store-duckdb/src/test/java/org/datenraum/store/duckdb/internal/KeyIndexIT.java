package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persisted key index: a batch of new resources asks the database nothing, also after
 * reopening; replaced resources are found and leave no duplicates, across many batches, after
 * reopening, after a failed batch and in a store written before the index existed. The filter runs
 * with one shard, so each shard grows many times.
 */
class KeyIndexIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
      ZoneOffset.UTC);
  private static final int PATIENTS = 50;

  @TempDir Path dir;

  /** An open store file with its writer; the key index has {@code 2^0} shards. */
  private record Opened(DuckDBConnection c, BatchWriter writer) implements AutoCloseable {
    static Opened of(Path file) throws SQLException {
      return of(file, KeyIndexUse.always(0));
    }

    static Opened of(Path file, KeyIndexUse use) throws SQLException {
      DuckDBConnection c = DriverManager.getConnection("jdbc:duckdb:" + file)
          .unwrap(DuckDBConnection.class);
      Migrations.migrate(c);
      PatientNumbers numbers = new PatientNumbers();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pseudonym, num FROM patient")) {
        while (rs.next()) {
          numbers.load(rs.getString(1), rs.getInt(2));
        }
      }
      return new Opened(c, new BatchWriter(c, numbers, JsonCodec.load(c), CLOCK, use));
    }

    long count(String sql) throws SQLException {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  private static ResourceRecord patient(String p) {
    return new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
        new PatientRecord(p, YearMonth.of(1970, 3), Sex.FEMALE, false), List.of());
  }

  private static ResourceRecord observation(int n, double value) {
    String id = "obs-" + n;
    String p = "p" + (n % PATIENTS);
    Fact f = new Fact(p, null, "Observation", id, new Coding("http://loinc.org", "718-7"),
        Instant.parse("2024-01-01T10:00:00Z"), null, new FactValue.Quantity(value, "g/dL", null),
        "final", List.of());
    return new ResourceRecord(new ResourceKey("Observation", id), p, null, List.of(f),
        "{\"resourceType\":\"Observation\"}", null, List.of());
  }

  /** An observation whose patient is not stored: its batch fails. */
  private static ResourceRecord orphan() {
    Fact f = new Fact("nobody", null, "Observation", "orphan",
        new Coding("http://loinc.org", "718-7"), null, null, new FactValue.Quantity(1.0, "g/dL",
            null), "final", List.of());
    return new ResourceRecord(new ResourceKey("Observation", "orphan"), "nobody", null,
        List.of(f), "{}", null, List.of());
  }

  private static WriteBatch batch(List<ResourceRecord> records) {
    return new WriteBatch(records, List.of(), Map.of(), List.of());
  }

  private static List<ResourceRecord> observations(int from, int to, double value) {
    List<ResourceRecord> out = new ArrayList<>();
    for (int n = from; n < to; n++) {
      out.add(observation(n, value));
    }
    return out;
  }

  private static void writePatients(Opened s) throws SQLException {
    List<ResourceRecord> patients = new ArrayList<>();
    for (int i = 0; i < PATIENTS; i++) {
      patients.add(patient("p" + i));
    }
    s.writer().write(batch(patients));
  }

  /** Writes 20 batches of 1,000 new observations; none asks the database. */
  private static void loadTwentyThousand(Opened s) throws SQLException {
    writePatients(s);
    for (int b = 0; b < 20; b++) {
      s.writer().write(batch(observations(b * 1000, (b + 1) * 1000, 1.0)));
    }
    assertThat(s.writer().probes()).isZero();
  }

  private static void noDuplicates(Opened s, long observations) throws SQLException {
    assertThat(s.count("SELECT count(*) FROM resource WHERE type = 'Observation'"))
        .isEqualTo(observations);
    assertThat(s.count("SELECT count(DISTINCT id) FROM resource")).isEqualTo(
        observations + PATIENTS);
    assertThat(s.count("SELECT count(*) FROM fact")).isEqualTo(observations);
    assertThat(s.count("SELECT count(*) FROM patient")).isEqualTo(PATIENTS);
  }

  @Test
  void updatesAreFoundAcrossBatchesAndAfterReopeningAndNewKeysNeverProbe() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
      List<ResourceRecord> mixed = new ArrayList<>(observations(0, 10, 2.0));
      mixed.addAll(observations(20_000, 20_500, 1.0));
      s.writer().write(batch(mixed));
      assertThat(s.writer().probes()).isEqualTo(1);
      noDuplicates(s, 20_500);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 2.0")).isEqualTo(10);
    }
    try (Opened s = Opened.of(file)) {
      s.writer().write(batch(observations(20_500, 22_000, 1.0)));
      assertThat(s.writer().probes()).as("new keys after reopening").isZero();
      s.writer().write(batch(observations(19_990, 20_010, 3.0)));
      assertThat(s.writer().probes()).isEqualTo(1);
      noDuplicates(s, 22_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 3.0")).isEqualTo(20);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 2.0")).isEqualTo(10);
      // every stored key's hash is persisted once: updates add none
      assertThat(s.count("SELECT sum(octet_length(hashes)) // 8 FROM resource_key"))
          .isEqualTo(22_000 + PATIENTS);
    }
  }

  @Test
  void failedBatchLeavesNeitherRowsNorKeys() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
      List<ResourceRecord> failing = new ArrayList<>(observations(20_000, 21_000, 1.0));
      failing.addAll(observations(5, 6, 4.0));
      failing.add(orphan());
      assertThatThrownBy(() -> s.writer().write(batch(failing)))
          .isInstanceOf(IllegalStateException.class);
      noDuplicates(s, 20_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 4.0")).isZero();
    }
    try (Opened s = Opened.of(file)) {
      s.writer().write(batch(observations(20_000, 21_000, 1.0)));
      assertThat(s.writer().probes()).as("keys of the failed batch were not kept").isZero();
      s.writer().write(batch(observations(5, 6, 4.0)));
      assertThat(s.writer().probes()).isEqualTo(1);
      noDuplicates(s, 21_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 4.0")).isEqualTo(1);
    }
  }

  @Test
  void storeWrittenBeforeTheIndexGetsItWhenOpened() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
      try (Statement st = s.c().createStatement()) {
        st.execute("DELETE FROM resource_key");
      }
    }
    try (Opened s = Opened.of(file)) {
      s.writer().write(batch(observations(20_000, 21_000, 1.0)));
      assertThat(s.writer().probes()).isZero();
      assertThat(s.count("SELECT sum(octet_length(hashes)) // 8 FROM resource_key"))
          .isEqualTo(21_000 + PATIENTS);
      s.writer().write(batch(observations(0, 1, 5.0)));
      assertThat(s.writer().probes()).isEqualTo(1);
      noDuplicates(s, 21_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 5.0")).isEqualTo(1);
    }
  }

  /** A writer that asks the database for its first two writes. */
  private static final KeyIndexUse PROBE_TWICE = new KeyIndexUse(0, 2);

  @Test
  void largeStoreAsksTheDatabaseForItsFirstWritesThenReadsTheIndex() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
    }
    try (Opened s = Opened.of(file, PROBE_TWICE)) {
      s.writer().write(batch(observations(19_990, 20_010, 6.0)));
      s.writer().write(batch(observations(20_010, 20_020, 1.0)));
      s.writer().write(batch(observations(20_020, 20_030, 1.0)));
      assertThat(s.writer().indexRead()).as("one write replaced, two found nothing").isFalse();
      assertThat(s.writer().probes()).as("new keys probe while the index is not read").isEqualTo(3);
      s.writer().write(batch(observations(20_030, 20_040, 1.0)));
      assertThat(s.writer().indexRead()).isTrue();
      assertThat(s.writer().probes()).as("new keys once it is read").isEqualTo(3);
      s.writer().write(batch(observations(20_005, 20_015, 7.0)));
      assertThat(s.writer().probes()).as("keys persisted while probing are in the index")
          .isEqualTo(4);
      noDuplicates(s, 20_040);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 6.0")).isEqualTo(15);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 7.0")).isEqualTo(10);
      assertThat(s.count("SELECT sum(octet_length(hashes)) // 8 FROM resource_key"))
          .isEqualTo(20_040 + PATIENTS);
    }
    try (Opened s = Opened.of(file)) {
      s.writer().write(batch(observations(20_040, 20_050, 1.0)));
      assertThat(s.writer().probes()).as("the persisted index knows every key").isZero();
      noDuplicates(s, 20_050);
    }
  }

  @Test
  void writesThatReplaceNeverReadTheIndex() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
    }
    try (Opened s = Opened.of(file, PROBE_TWICE)) {
      for (int b = 0; b < 5; b++) {
        List<ResourceRecord> day = new ArrayList<>(observations(b * 100, b * 100 + 50, 8.0));
        day.addAll(observations(20_000 + b * 50, 20_050 + b * 50, 1.0));
        s.writer().write(batch(day));
      }
      assertThat(s.writer().indexRead()).isFalse();
      assertThat(s.writer().probes()).isEqualTo(5);
      noDuplicates(s, 20_250);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 8.0")).isEqualTo(250);
    }
  }

  @Test
  void failedBatchWhileProbingLeavesNeitherRowsNorKeys() throws Exception {
    Path file = dir.resolve("site.duckdb");
    try (Opened s = Opened.of(file)) {
      loadTwentyThousand(s);
    }
    try (Opened s = Opened.of(file, PROBE_TWICE)) {
      List<ResourceRecord> failing = new ArrayList<>(observations(20_000, 21_000, 1.0));
      failing.addAll(observations(5, 6, 4.0));
      failing.add(orphan());
      assertThatThrownBy(() -> s.writer().write(batch(failing)))
          .isInstanceOf(IllegalStateException.class);
      noDuplicates(s, 20_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 4.0")).isZero();
      assertThat(s.count("SELECT sum(octet_length(hashes)) // 8 FROM resource_key"))
          .isEqualTo(20_000 + PATIENTS);
      s.writer().write(batch(failing.subList(0, 1001)));
      noDuplicates(s, 21_000);
      assertThat(s.count("SELECT count(*) FROM fact WHERE value_num = 4.0")).isEqualTo(1);
    }
  }
}
