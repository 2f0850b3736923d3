package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dictionary of attribute lines: a rolled-back batch leaves no entry behind, in the table or
 * in the writer's memory, and values are found again by a later process.
 */
class AttributeSetsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final List<Attribute> A = List.of(attribute("category", "vital-signs"));
  private static final List<Attribute> B = List.of(attribute("category", "laboratory"),
      new Attribute("partOf", new Coding("urn:datenraum:reference", "Encounter/e1")));
  private static final List<Attribute> C = List.of(attribute("bodySite", "Ä-ü"));

  @TempDir Path dir;

  @Test
  void aRolledBackBatchLeavesNoEntryAndItsValuesAreStoredByTheNextBatch() {
    Path file = dir.resolve("site.duckdb");
    List<Fact> expected = new ArrayList<>();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(batch(patient("p1"), observation("o1", "p1", A, expected)));
      List<Fact> lost = new ArrayList<>();
      assertThatThrownBy(() -> store.write(batch(observation("o2", "p1", B, lost),
          observation("o3", "nobody", C, lost)))).hasMessageContaining("without a stored patient");
      assertThat(count(store, "SELECT count(*) FROM attribute_set")).isEqualTo(1);
      store.write(batch(observation("o4", "p1", C, expected), observation("o5", "p1", B, expected),
          observation("o6", "p1", A, expected), observation("o7", "p1", List.of(), expected)));
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(count(store, "SELECT count(DISTINCT id) FROM attribute_set")).isEqualTo(3);
      assertThat(count(store, "SELECT count(*) FROM fact_row WHERE attribute_set NOT IN"
          + " (SELECT id FROM attribute_set)")).isZero();
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(batch(observation("o8", "p1", B, expected), observation("o9", "p1", C, expected)));
      assertThat(count(store, "SELECT count(*) FROM attribute_set")).as("known values found by digest").isEqualTo(3);
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theLastValueOfARolledBackBatchIsStoredWhenTheNextBatchBeginsWithIt() {
    List<Fact> expected = new ArrayList<>();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(batch(patient("p1"), observation("o1", "p1", A, expected)));
      assertThatThrownBy(() -> store.write(batch(observation("o2", "p1", B, new ArrayList<>()),
          observation("o3", "nobody", C, new ArrayList<>())))).hasMessageContaining("without a stored patient");
      // B again, in a list of its own, then a value new to the store that takes the id B had
      store.write(batch(observation("o4", "p1", List.copyOf(new ArrayList<>(B)), expected),
          observation("o5", "p1", C, expected), observation("o6", "p1", List.copyOf(new ArrayList<>(C)), expected)));
      assertThat(store.facts().toList()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(count(store, "SELECT count(*) FROM attribute_set")).isEqualTo(3);
    }
  }

  private static Attribute attribute(String key, String code) {
    return new Attribute(key, new Coding("http://example.org/cs", code));
  }

  private static ResourceRecord patient(String id) {
    return new ResourceRecord(new ResourceKey("Patient", id), id, null, List.of(), "{}",
        new PatientRecord(id, null, Sex.FEMALE, false), List.of());
  }

  /** An observation with two facts sharing {@code attributes}, added to {@code facts}. */
  private static ResourceRecord observation(String id, String patient, List<Attribute> attributes, List<Fact> facts) {
    List<Fact> own = List.of(
        new Fact(patient, null, "Observation", id, new Coding("http://loinc.org", "718-7"), null, null, null,
            "final", attributes),
        new Fact(patient, null, "Observation", id, new Coding("http://loinc.org", "789-8"), null, null, null,
            null, attributes));
    facts.addAll(own);
    return new ResourceRecord(new ResourceKey("Observation", id), patient, null, own, "{}", null, List.of());
  }

  private static WriteBatch batch(ResourceRecord... records) {
    return new WriteBatch(List.of(records), List.of(), Map.of(), List.of());
  }

  private static long count(DuckDbSiteStore store, String sql) {
    return StoreConnections.of(store).withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
