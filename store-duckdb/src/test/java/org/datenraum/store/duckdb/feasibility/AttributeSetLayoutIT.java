package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datenraum.store.duckdb.feasibility.ReferenceAnswers.assertAnswersAsReference;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Fact;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.StoreRows;
import org.datenraum.store.duckdb.internal.FormerFactLayout;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts whose attribute lines are stored once per distinct value: a store of the former layout
 * (lines in every fact row) is migrated to the same facts in the same row order, keeps its saved
 * index and answers as the reference evaluator; deletes and replacements leave exactly the facts
 * of the resources last written.
 */
class AttributeSetLayoutIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 15);
  private static final String FORMER_ORDER = "SELECT resource_id || ' ' || code || ' ' || coalesce(attributes, '-')"
      + " FROM fact ORDER BY rowid";
  private static final String MIGRATED_ORDER = "SELECT f.resource_id || ' ' || k.code || ' '"
      + " || coalesce(a.attributes, '-') FROM fact_row f JOIN fact_kind k ON k.id = f.kind"
      + " LEFT JOIN attribute_set a ON a.id = f.attribute_set ORDER BY f.rowid";

  @TempDir Path dir;

  @Test
  void aStoreOfTheFormerLayoutMigratesToTheSameFactsAndKeepsItsSavedIndex() {
    Path file = dir.resolve("former.duckdb");
    RandomFacts data = new RandomFacts(23);
    List<Fact> facts;
    List<String> order;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 400));
      store.write(data.changes());
      store.write(data.changes());
      DuckDbFeasibilityExecutor.of(store).refresh();
      StoreConnections.of(store).withConnection(c -> {
        FormerFactLayout.revert(c);
        return null;
      });
      facts = store.facts().toList();
      order = StoreRows.column(store, FORMER_ORDER);
      assertThat(StoreRows.column(store, "SELECT table_type FROM information_schema.tables WHERE table_name = 'fact'"))
          .containsExactly("BASE TABLE");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(store.facts().toList()).hasSizeGreaterThan(400).containsExactlyInAnyOrderElementsOf(facts);
      assertThat(StoreRows.column(store, MIGRATED_ORDER)).as("rows in their former order").isEqualTo(order);
      long distinct = facts.stream().map(Fact::attributes).filter(a -> !a.isEmpty()).distinct().count();
      assertThat(StoreRows.column(store, "SELECT count(*) FROM attribute_set")).containsExactly(Long.toString(distinct));
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.rebuilt() || stats.updated()).as("the saved index is used").isFalse();
      assertThat(StoreConnections.of(store).withConnection(IndexStore::build).bitmaps()).hasSizeGreaterThan(20)
          .isEqualTo(StoreConnections.of(store).withConnection(c -> IndexStore.load(c, stats.storeVersion()))
              .orElseThrow().bitmaps());
      assertAnswersAsReference(store, executor, new RandomPlans(230), 30, DATE);
      store.write(data.changes());
      store.write(data.changes());
      assertThat(StoreRows.column(store, "SELECT count(*) - count(DISTINCT attributes) FROM attribute_set"))
          .as("values written again after the migration find their stored ids").containsExactly("0");
      assertAnswersAsReference(store, executor, new RandomPlans(231), 30, DATE);
    }
  }

  @Test
  void deletesAndReplacementsLeaveTheFactsOfTheResourcesLastWritten() {
    RandomFacts data = new RandomFacts(29);
    Map<ResourceKey, ResourceRecord> written = new HashMap<>();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("changes.duckdb"), CLOCK)) {
      StoreRows.write(store, data.initial(30, 200), written);
      for (int i = 0; i < 12; i++) {
        StoreRows.write(store, data.changes(), written);
        List<Fact> expected = new ArrayList<>();
        written.values().forEach(r -> expected.addAll(r.facts()));
        assertThat(store.facts().toList()).as("after batch %d", i).containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(StoreRows.column(store, "SELECT count(*) FROM fact_row WHERE attribute_set IS NOT NULL"
          + " AND attribute_set NOT IN (SELECT id FROM attribute_set)")).containsExactly("0");
    }
  }


}
