package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datenraum.store.duckdb.feasibility.ReferenceAnswers.assertAnswersAsReference;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/**
 * The index saved in the store is what a rebuild from the fact table gives, answers as the
 * reference evaluator does when a later process loads it, and is never used once the store
 * changed after it was saved; a store opened read-only is answered without writing to it.
 */
class PersistedIndexIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 15);

  @TempDir Path dir;

  @Test
  void aLoadedIndexEqualsARebuiltOneAndAnswersAsTheReference() {
    Path file = dir.resolve("loaded.duckdb");
    RandomFacts data = new RandomFacts(17);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      store.write(data.changes());
      assertThat(DuckDbFeasibilityExecutor.of(store).refresh().rebuilt()).isTrue();
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      DuckDbFeasibilityExecutor loaded = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = loaded.refresh();
      assertThat(stats.rebuilt() || stats.updated()).as("loaded, not rebuilt").isFalse();
      Map<IndexKey, RoaringBitmap> rebuilt = StoreConnections.of(store).withConnection(IndexStore::build).bitmaps();
      Map<IndexKey, RoaringBitmap> saved = StoreConnections.of(store)
          .withConnection(c -> IndexStore.load(c, stats.storeVersion()).orElseThrow()).bitmaps();
      assertThat(saved).isEqualTo(rebuilt).hasSizeGreaterThan(20);
      Map<String, RoaringBitmap> savedPatients = bitmaps(savedPatients(store, stats.storeVersion()).orElseThrow());
      assertThat(savedPatients).as("patients by sex and birth month saved with the index")
          .isEqualTo(bitmaps(StoreConnections.of(store).withConnection(PatientTable::load)))
          .containsKeys("ALL ", "SEX female", "SEX male").hasSizeGreaterThan(10);
      assertThat((long) savedPatients.get("ALL ").getCardinality()).isEqualTo(store.stats().patients())
          .isGreaterThanOrEqualTo(40);
      assertAnswersAsReference(store, loaded, new RandomPlans(170), 30, DATE);
      assertThat(loaded.stats().rebuilt() || loaded.stats().updated()).isFalse();
    }
  }

  @Test
  void anIndexSavedWithoutItsPatientsReadsThemFromThePatientTable() {
    Path file = dir.resolve("older.duckdb");
    RandomFacts data = new RandomFacts(19);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      DuckDbFeasibilityExecutor.of(store).refresh();
      StoreConnections.of(store).withConnection(c -> c.createStatement()
          .execute("DELETE FROM feasibility_index WHERE resource_type = ''"));
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, CLOCK)) {
      long version = StoreConnections.of(store).withConnection(IndexStore::storeVersion);
      assertThat(savedPatients(store, version)).isEmpty();
      DuckDbFeasibilityExecutor loaded = DuckDbFeasibilityExecutor.of(store);
      assertThat(loaded.refresh().rebuilt() || loaded.stats().updated()).as("loaded, not rebuilt").isFalse();
      assertAnswersAsReference(store, loaded, new RandomPlans(190), 30, DATE);
    }
  }

  /**
   * A program that does not know the saved patient rows updates the index after a batch and saves
   * it at the new version with the rows of the former version carried along; they are not used.
   */
  @Test
  void patientsSavedAtAnEarlierVersionAreNotUsed() {
    Path file = dir.resolve("carried.duckdb");
    RandomFacts data = new RandomFacts(31);
    long savedAt;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      savedAt = DuckDbFeasibilityExecutor.of(store).refresh().storeVersion();
      StoreConnections.of(store).withConnection(c -> c.createStatement().execute(
          "CREATE TABLE former_rows AS SELECT * FROM feasibility_index WHERE resource_type = ''"));
      store.write(data.changes());
      DuckDbFeasibilityExecutor.of(store).refresh();
      StoreConnections.of(store).withConnection(c -> c.createStatement().execute("DELETE FROM feasibility_index"
          + " WHERE resource_type = ''; INSERT INTO feasibility_index SELECT * FROM former_rows; DROP TABLE former_rows"));
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, CLOCK)) {
      assertThat(bitmaps(savedPatients(store, savedAt).orElseThrow())).as("the carried rows are stale")
          .isNotEqualTo(bitmaps(StoreConnections.of(store).withConnection(PatientTable::load)));
      assertThat(savedPatients(store, savedAt + 1)).as("rows naming version %d", savedAt).isEmpty();
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.storeVersion()).isEqualTo(savedAt + 1);
      assertThat(stats.rebuilt() || stats.updated()).as("index loaded").isFalse();
      assertAnswersAsReference(store, executor, new RandomPlans(310), 30, DATE);
    }
  }

  private static Optional<PatientTable> savedPatients(DuckDbSiteStore store, long version) {
    return StoreConnections.of(store).<Optional<PatientTable>>withConnection(c -> IndexStore.loadPatients(c, version));
  }

  private static Map<String, RoaringBitmap> bitmaps(PatientTable table) {
    Map<String, RoaringBitmap> out = new java.util.HashMap<>();
    table.forEach((kind, value, b) -> out.put(kind + " " + value, b));
    return out;
  }

  @Test
  void aStoreChangedAfterTheIndexWasSavedIsNeverAnsweredFromIt() {
    Path file = dir.resolve("stale.duckdb");
    RandomFacts data = new RandomFacts(23);
    long savedAt;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      savedAt = DuckDbFeasibilityExecutor.of(store).refresh().storeVersion();
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.changes());
      store.write(data.changes());
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.storeVersion()).isEqualTo(savedAt + 2);
      assertThat(stats.updated()).as("brought up to date for the changed patients").isTrue();
      Optional<CodeIndex> old = StoreConnections.of(store).withConnection(c -> IndexStore.load(c, savedAt));
      assertThat(old).as("the index saved before the changes").isEmpty();
      assertThat(StoreConnections.of(store).withConnection(c -> IndexStore.load(c, savedAt + 2)).orElseThrow()
          .bitmaps()).isEqualTo(StoreConnections.of(store).withConnection(IndexStore::build).bitmaps());
      assertAnswersAsReference(store, executor, new RandomPlans(230), 24, DATE);
    }
  }

  @Test
  void aReadOnlyStoreIsSharedAndAnsweredWithoutWritingToIt() {
    Path file = dir.resolve("shared.duckdb");
    RandomFacts data = new RandomFacts(29);
    long savedAt;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 300));
      savedAt = DuckDbFeasibilityExecutor.of(store).refresh().storeVersion();
      store.write(data.changes());
    }
    try (DuckDbSiteStore first = DuckDbSiteStore.openReadOnly(file, CLOCK);
        DuckDbSiteStore second = DuckDbSiteStore.openReadOnly(file, CLOCK)) {
      assertThat(first.readOnly()).isTrue();
      assertThatThrownBy(() -> first.write(data.changes())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read-only");
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(first);
      IndexStats stats = executor.refresh();
      assertThat(stats.storeVersion()).isEqualTo(savedAt + 1);
      assertThat(stats.updated()).as("the stale saved index brought up to date in memory").isTrue();
      assertAnswersAsReference(first, executor, new RandomPlans(290), 20, DATE);
      assertAnswersAsReference(second, DuckDbFeasibilityExecutor.of(second), new RandomPlans(291), 8, DATE);
      Optional<CodeIndex> saved = StoreConnections.of(second).withConnection(c -> IndexStore.load(c, savedAt));
      assertThat(saved).as("the saved index left as it was").isPresent();
    }
  }

  @Test
  void aMissingStoreIsNotCreatedReadOnly() {
    Path file = dir.resolve("absent.duckdb");
    assertThatThrownBy(() -> DuckDbSiteStore.openReadOnly(file, CLOCK))
        .hasMessageContaining("absent.duckdb").hasMessageContaining("datenraum ingest");
    assertThat(file).doesNotExist();
  }
}
