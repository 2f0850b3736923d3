package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.StoreRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dictionary of facts' coded parts: a rolled-back batch leaves no kind behind, in the table or
 * in the writer's memory, its ids are given again, and kinds are found again by a later process.
 */
class FactKindsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Coding HB = new Coding("http://loinc.org", "718-7");
  private static final FactValue A = new FactValue.Quantity(12.5, "g/dL", null);
  private static final FactValue B = new FactValue.Quantity(12.5, "g/dL", "<");
  private static final FactValue C = new FactValue.Coded(new Coding("http://snomed.info/sct", "260385009"));

  @TempDir Path dir;

  @Test
  void aRolledBackBatchLeavesNoKindAndItsValuesAreStoredByTheNextBatch() {
    Path file = dir.resolve("site.duckdb");
    List<Fact> expected = new ArrayList<>();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(batch(patient("p1"), observation("o1", "p1", A, "final", expected)));
      List<Fact> lost = new ArrayList<>();
      assertThatThrownBy(() -> store.write(batch(observation("o2", "p1", B, "final", lost),
          observation("o3", "nobody", C, null, lost)))).hasMessageContaining("without a stored patient");
      assertThat(StoreRows.column(store, "SELECT id FROM fact_kind")).containsExactly("0");
      store.write(batch(observation("o4", "p1", C, null, expected), observation("o5", "p1", B, "final", expected),
          observation("o6", "p1", A, "final", expected)));
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(StoreRows.column(store, "SELECT id || ' ' || coalesce(comparator, '-') || ' ' || coalesce(value_code, '-')"
          + " FROM fact_kind ORDER BY id")).as("the rolled-back ids given again")
          .containsExactly("0 - -", "1 - 260385009", "2 < -");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(batch(observation("o7", "p1", B, "final", expected), observation("o8", "p1", C, "final", expected)));
      assertThat(StoreRows.column(store, "SELECT id FROM fact_kind ORDER BY id")).as("known kinds found, a new one added")
          .containsExactly("0", "1", "2", "3");
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theLastKindOfARolledBackBatchIsStoredWhenTheNextBatchBeginsWithIt() {
    List<Fact> expected = new ArrayList<>();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(batch(patient("p1"), observation("o1", "p1", A, "final", expected)));
      assertThatThrownBy(() -> store.write(batch(observation("o2", "p1", B, "final", new ArrayList<>()),
          observation("o3", "nobody", C, null, new ArrayList<>())))).hasMessageContaining("without a stored patient");
      // B's kind again, then a kind new to the store that takes the id B's had, then B's again
      store.write(batch(observation("o4", "p1", B, "final", expected), observation("o5", "p1", C, null, expected),
          observation("o6", "p1", B, "final", expected), observation("o7", "p1", B, "final", expected)));
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(StoreRows.column(store, "SELECT id || ' ' || coalesce(comparator, '-') || ' ' || coalesce(value_code, '-')"
          + " FROM fact_kind ORDER BY id")).containsExactly("0 - -", "1 < -", "2 - 260385009");
    }
  }

  private static ResourceRecord patient(String id) {
    return new ResourceRecord(new ResourceKey("Patient", id), id, null, List.of(), "{}",
        new PatientRecord(id, null, Sex.FEMALE, false), List.of());
  }

  /** An observation with one fact, added to {@code facts}. */
  private static ResourceRecord observation(String id, String patient, FactValue value, String status,
      List<Fact> facts) {
    Fact f = new Fact(patient, null, "Observation", id, HB, null, null, value, status, List.of());
    facts.add(f);
    return new ResourceRecord(new ResourceKey("Observation", id), patient, null, List.of(f), "{}", null, List.of());
  }

  private static WriteBatch batch(ResourceRecord... records) {
    return new WriteBatch(List.of(records), List.of(), Map.of(), List.of());
  }

}
