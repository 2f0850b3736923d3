package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Each resource and fact row holds the number of its own patient, however a batch orders them:
 * runs of one patient, patients alternating, a patient's resources before and after its Patient
 * resource in the same batch, and every such patient is marked as touched for the index.
 */
class PatientRunsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void resourcesAndFactsHoldTheirOwnPatientsNumberWhateverTheOrder() {
    List<ResourceRecord> second = List.of(resource("a1", "p2", false), patient("p2"), resource("a2", "p2", true),
        resource("a3", "p2", true), resource("a4", "p1", true), resource("a5", "p2", true),
        resource("a6", "p1", false), resource("a7", "p3", false), resource("a8", "p3", false), patient("p3"),
        resource("a9", "p3", true), resource("a10", "p1", true));
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(batch(List.of(patient("p1"), resource("a0", "p1", true))));
      store.write(batch(second));
      // a resource before its patient's Patient resource in the batch has no patient number
      List<String> expected = new ArrayList<>(List.of("Patient p1 p1", "Observation a0 p1"));
      for (ResourceRecord r : second) {
        boolean before = List.of("a1", "a7", "a8").contains(r.key().id());
        expected.add(r.key().type() + " " + r.key().id() + " " + (before ? "none" : r.patient()));
      }
      assertThat(StoreRows.column(store, "SELECT r.type || ' ' || r.id || ' ' || coalesce(p.pseudonym, 'none')"
          + " FROM resource r LEFT JOIN patient p ON p.num = r.patient ORDER BY r.rowid"))
          .containsExactlyElementsOf(expected);
      assertThat(StoreRows.column(store, "SELECT f.resource_id || ' ' || p.pseudonym FROM fact_row f"
          + " JOIN patient p ON p.num = f.patient ORDER BY f.rowid"))
          .containsExactly("a0 p1", "a2 p2", "a3 p2", "a4 p1", "a5 p2", "a9 p3", "a10 p1");
      List<String> numbers = StoreRows.column(store, "SELECT num FROM patient ORDER BY num");
      IndexDelta.Delta delta = StoreConnections.of(store).withConnection(IndexDelta::read);
      assertThat(delta.patients().getCardinality()).isEqualTo(3);
      for (String n : numbers) {
        assertThat(delta.patients().contains(Integer.parseInt(n))).as("patient %s touched", n).isTrue();
      }
    }
  }

  private static ResourceRecord patient(String id) {
    return new ResourceRecord(new ResourceKey("Patient", id), id, null, List.of(), "{}",
        new PatientRecord(id, null, Sex.FEMALE, false), List.of());
  }

  /** An observation of the patient, with one fact or none. */
  private static ResourceRecord resource(String id, String patient, boolean withFact) {
    List<Fact> facts = withFact ? List.of(new Fact(patient, null, "Observation", id,
        new Coding("http://loinc.org", "718-7"), null, null, new FactValue.Quantity(12.5, "g/dL", null), "final",
        List.of())) : List.of();
    return new ResourceRecord(new ResourceKey("Observation", id), patient, null, facts, "{}", null, List.of());
  }

  private static WriteBatch batch(List<ResourceRecord> records) {
    return new WriteBatch(records, List.of(), Map.of(), List.of());
  }
}
