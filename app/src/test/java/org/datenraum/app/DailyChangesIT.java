package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.ResourceKey;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.FactScans;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.store.duckdb.feasibility.IndexStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day's changes (several batches of changed and new resources) loaded into a full store leave
 * it equal to a store loaded from scratch with the day's final data, and the feasibility index is
 * updated, not rebuilt, to the same index.
 */
class DailyChangesIT {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  @TempDir Path tmp;

  @Test
  void changesLoadedIntoAFullStoreEqualAFreshLoadOfTheFinalData() throws Exception {
    Path corpus = tmp.resolve("corpus");
    HospitalGenerator.of(GeneratorConfig.of(300, 3, "Klinikum Wandel",
        GeneratorConfig.DEFAULT_START, 1, List.of()).value())
        .writeTo(corpus, 2, false, (d, t, r, b) -> { });
    List<String> observations = Files.readAllLines(corpus.resolve("Observation.ndjson"));
    List<String> changes = new ArrayList<>();
    List<String> finalObservations = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      String line = observations.get(i);
      if (i % 2 == 0) {
        line = line.replace("\"status\":\"final\"", "\"status\":\"amended\"");
        changes.add(line);
      } else {
        Matcher m = ID.matcher(line);
        assertThat(m.find()).isTrue();
        String fresh = line.substring(0, m.end(1)) + "-new" + line.substring(m.end(1));
        changes.add(fresh);
        added.add(fresh);
      }
      finalObservations.add(line);
    }
    finalObservations.addAll(added);
    assertThat(changes).as("several batches, written as one")
        .hasSizeGreaterThan(FhirIngest.BATCH_SIZE);

    Path changed = tmp.resolve("changed");
    Path fresh = tmp.resolve("fresh");
    assertThat(Cli.run("ingest", "--site", changed.toString(), corpus.toString()).status()).isZero();
    try (DuckDbSiteStore store = new SiteDirectory(changed).openStore(Clock.systemUTC())) {
      assertThat(DuckDbFeasibilityExecutor.of(store).refresh().rebuilt()).isTrue();
    }
    Path day = Files.createDirectories(tmp.resolve("day")).resolve("Observation.ndjson");
    write(day, changes);
    Cli.Run reload = Cli.run("ingest", "--site", changed.toString(), day.toString());
    assertThat(reload.status()).as(reload.err()).isZero();

    Path finalCorpus = Files.createDirectories(tmp.resolve("final"));
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.toList()) {
        Files.copy(f, finalCorpus.resolve(f.getFileName()));
      }
    }
    write(finalCorpus.resolve("Observation.ndjson"), finalObservations);
    // the same site secret, so that both stores hold the same pseudonyms
    Files.createDirectory(fresh, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Files.copy(changed.resolve("secret.key"), fresh.resolve("secret.key"),
        StandardCopyOption.COPY_ATTRIBUTES);
    assertThat(Cli.run("ingest", "--site", fresh.toString(), finalCorpus.toString()).status())
        .isZero();

    assertSameJson(changed, fresh, assertSameRows(changed, fresh));
    IndexStats updated;
    IndexStats rebuilt;
    try (DuckDbSiteStore store = new SiteDirectory(changed).openStore(Clock.systemUTC())) {
      assertThat(FactScans.danglingRows(store)).isZero();
      updated = DuckDbFeasibilityExecutor.of(store).refresh();
    }
    try (DuckDbSiteStore store = new SiteDirectory(fresh).openStore(Clock.systemUTC())) {
      rebuilt = DuckDbFeasibilityExecutor.of(store).refresh();
    }
    assertThat(updated.updated()).as("updated").isTrue();
    assertThat(updated.rebuilt()).as("rebuilt").isFalse();
    assertThat(rebuilt.rebuilt()).isTrue();
    assertThat(updated.keys()).isEqualTo(rebuilt.keys());
    assertThat(updated.bitmapBytes()).isEqualTo(rebuilt.bitmapBytes());
  }

  private static void write(Path file, List<String> lines) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.newLine();
      }
    }
  }

  /**
   * Patients, resources and facts, with patient numbers replaced by pseudonyms, as multisets;
   * returns the resources' keys.
   */
  private static Set<ResourceKey> assertSameRows(Path a, Path b) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("ATTACH '" + a.resolve("site.duckdb") + "' AS a (READ_ONLY)");
      s.execute("ATTACH '" + b.resolve("site.duckdb") + "' AS b (READ_ONLY)");
      assertThat(count(s, "SELECT count(*) FROM a.fact WHERE status = 'amended'"))
          .as("the changes were loaded").isGreaterThan(5_000);
      for (String table : List.of(
          "SELECT pseudonym, birth_year, birth_month, sex, deceased FROM %s.patient",
          "SELECT r.type, r.id, p.pseudonym, r.encounter FROM %1$s.resource r"
              + " LEFT JOIN %1$s.patient p ON p.num = r.patient",
          "SELECT p.pseudonym, f.* EXCLUDE (patient) FROM %1$s.fact f"
              + " JOIN %1$s.patient p ON p.num = f.patient")) {
        String ofA = String.format(table, "a");
        String ofB = String.format(table, "b");
        assertThat(count(s, "SELECT count(*) FROM (" + ofA + ")")).as(ofA)
            .isEqualTo(count(s, "SELECT count(*) FROM (" + ofB + ")"));
        assertThat(count(s, "SELECT count(*) FROM (" + ofA + " EXCEPT ALL " + ofB + ")"))
            .as(ofA).isZero();
      }
      Set<ResourceKey> keys = new HashSet<>();
      try (ResultSet rs = s.executeQuery("SELECT type, id FROM a.resource")) {
        while (rs.next()) {
          keys.add(new ResourceKey(rs.getString(1), rs.getString(2)));
        }
      }
      return keys;
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertSameJson(Path a, Path b, Set<ResourceKey> keys) throws Exception {
    try (DuckDbSiteStore sa = new SiteDirectory(a).openStore(Clock.systemUTC());
        DuckDbSiteStore sb = new SiteDirectory(b).openStore(Clock.systemUTC())) {
      assertThat(sa.resourceJson(keys)).hasSize(keys.size()).isEqualTo(sb.resourceJson(keys));
    }
  }
}
