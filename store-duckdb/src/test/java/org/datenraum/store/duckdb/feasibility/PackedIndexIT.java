package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datenraum.store.duckdb.feasibility.ReferenceAnswers.assertAnswersAsReference;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/**
 * The index and the pseudonyms saved in packed form answer alone as the reference evaluator does;
 * an index saved only as rows (by a program before the packed form) is loaded and saved packed by
 * a writable opening; pseudonyms saved with an index brought up to date are those of the patient
 * table.
 */
class PackedIndexIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 15);

  @TempDir Path dir;

  @Test
  void thePackedFormAloneAnswersAsTheReference() {
    Path file = dir.resolve("packed.duckdb");
    RandomFacts data = new RandomFacts(41);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      assertThat(DuckDbFeasibilityExecutor.of(store).refresh().rebuilt()).isTrue();
      execute(store, "DELETE FROM feasibility_index WHERE resource_type <> '' OR path = '" + IndexStore.PATIENTS + "'");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, CLOCK)) {
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.rebuilt() || stats.updated()).as("loaded, not rebuilt").isFalse();
      assertThat(stats.keys()).isGreaterThan(20);
      assertAnswersAsReference(store, executor, new RandomPlans(410), 30, DATE);
    }
  }

  @Test
  void anIndexSavedOnlyAsRowsIsLoadedAndSavedPacked() {
    Path file = dir.resolve("rows.duckdb");
    RandomFacts data = new RandomFacts(43);
    long version;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      version = DuckDbFeasibilityExecutor.of(store).refresh().storeVersion();
      execute(store, "DELETE FROM feasibility_index WHERE path IN ('" + IndexStore.PACKED + "', '" + IndexStore.NAMES + "')");
      assertThat(connection(store, c -> IndexStore.loadPacked(c, version)).isPresent()).isFalse();
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.rebuilt() || stats.updated()).as("loaded, not rebuilt").isFalse();
      PackedIndex.Unpacked packed = connection(store, c -> IndexStore.loadPacked(c, version)).orElseThrow();
      assertThat(packed.index().bitmaps()).isEqualTo(connection(store, IndexStore::build).bitmaps());
      assertAnswersAsReference(store, executor, new RandomPlans(430), 20, DATE);
      assertThat(connection(store, c -> IndexStore.loadNames(c, version)).isPresent()).as("names saved at the first cohort")
          .isTrue();
    }
  }

  @Test
  void namesSavedWithAnUpdatedIndexAreThePatientTables() {
    Path file = dir.resolve("names.duckdb");
    RandomFacts data = new RandomFacts(47);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      long first = executor.refresh().storeVersion();
      assertNamesAreTheTables(store, first);
      for (int round = 0; round < 6; round++) {
        store.write(data.changes());
        store.write(data.initial(2, 5));
        IndexStats stats = executor.refresh();
        assertThat(stats.updated()).isTrue();
        assertNamesAreTheTables(store, stats.storeVersion());
        assertAnswersAsReference(store, executor, new RandomPlans(470 + round), 6, DATE);
      }
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, CLOCK)) {
      assertAnswersAsReference(store, DuckDbFeasibilityExecutor.of(store), new RandomPlans(479), 12, DATE);
    }
  }

  /** The saved names, pseudonym for pseudonym by number, are those the patient table has now. */
  private static void assertNamesAreTheTables(DuckDbSiteStore store, long version) {
    PatientNames saved = connection(store, c -> IndexStore.loadNames(c, version)).orElseThrow();
    Set<String> all = new HashSet<>();
    RoaringBitmap numbers = new RoaringBitmap();
    connection(store, c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT num, pseudonym FROM patient")) {
        while (rs.next()) {
          numbers.add(rs.getInt(1));
          all.add(rs.getString(2));
          assertThat(saved.of(RoaringBitmap.bitmapOf(rs.getInt(1)))).containsExactly(rs.getString(2));
        }
      }
      return null;
    });
    assertThat(saved.of(numbers)).isEqualTo(all).hasSizeGreaterThanOrEqualTo(40);
  }

  private static void execute(DuckDbSiteStore store, String sql) {
    connection(store, c -> c.createStatement().execute(sql));
  }

  private static <T> T connection(DuckDbSiteStore store, StoreConnections.SqlFunction<T> f) {
    return StoreConnections.of(store).withConnection(f);
  }
}
