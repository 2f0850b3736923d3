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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.core.Attribute;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.StoreRows;
import org.datenraum.store.duckdb.internal.FormerFactLayout;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts whose coded parts are stored once per distinct combination ({@code fact_kind}): a store of
 * the layout before (every string in every row) is migrated to the same facts in the same row
 * order and keeps its saved index; random batches with deletes and replacements leave exactly the
 * facts of the resources last written, with one kind per distinct combination ever written.
 */
class FactKindLayoutIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 15);
  /** Every column of every row, in row order, of the layout before and after the migration. */
  private static final String FORMER_ROWS = rows("f.resource_type, f.resource_id, f.system, f.code",
      "f.unit, f.comparator, f.value_system, f.value_code, f.value_text, f.status",
      " FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set ORDER BY f.rowid");
  private static final String MIGRATED_ROWS = rows("k.resource_type, f.resource_id, k.system, k.code",
      "k.unit, k.comparator, k.value_system, k.value_code, f.value_text, k.status", " FROM fact_row f"
      + " JOIN fact_kind k ON k.id = f.kind LEFT JOIN attribute_set a ON a.id = f.attribute_set ORDER BY f.rowid");
  private static final String VIEW_COLUMNS = "SELECT column_name || ' ' || data_type FROM information_schema.columns"
      + " WHERE table_name = 'fact' ORDER BY ordinal_position";
  private static final String DUPLICATE_KINDS = "SELECT count(*) - count(DISTINCT (resource_type, system, code, unit,"
      + " comparator, value_system, value_code, status)) FROM fact_kind";

  @TempDir Path dir;

  @Test
  void aStoreOfTheFormerLayoutMigratesToTheSameFactsAndKeepsItsSavedIndex() {
    Path file = dir.resolve("former.duckdb");
    RandomFacts data = new RandomFacts(37);
    Vocabulary words = new Vocabulary(38);
    List<Fact> facts;
    List<String> rows;
    List<String> columns;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(40, 400));
      store.write(data.changes());
      store.write(words.batch(data, 60));
      store.write(data.changes());
      DuckDbFeasibilityExecutor.of(store).refresh();
      StoreConnections.of(store).withConnection(c -> {
        FormerFactLayout.revertToAttributeSets(c);
        return null;
      });
      facts = store.facts().toList();
      rows = StoreRows.column(store, FORMER_ROWS);
      columns = StoreRows.column(store, VIEW_COLUMNS);
      assertThat(StoreRows.column(store, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'fact_row'"
          + " AND column_name IN ('code', 'unit', 'comparator', 'status')")).containsExactly("4");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(store.facts().toList()).hasSizeGreaterThan(500).containsExactlyInAnyOrderElementsOf(facts);
      assertThat(StoreRows.column(store, MIGRATED_ROWS)).as("rows in their former order").isEqualTo(rows);
      assertThat(StoreRows.column(store, VIEW_COLUMNS)).hasSize(17).isEqualTo(columns);
      assertThat(StoreRows.column(store, "SELECT count(*) FROM fact_kind")).containsExactly(Integer.toString(kinds(facts).size()));
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats stats = executor.refresh();
      assertThat(stats.rebuilt() || stats.updated()).as("the saved index is used").isFalse();
      assertThat(StoreConnections.of(store).withConnection(IndexStore::build).bitmaps()).hasSizeGreaterThan(20)
          .isEqualTo(StoreConnections.of(store).withConnection(c -> IndexStore.load(c, stats.storeVersion()))
              .orElseThrow().bitmaps());
      assertAnswersAsReference(store, executor, new RandomPlans(370), 30, DATE);
      store.write(data.changes());
      store.write(words.batch(data, 20));
      assertThat(StoreRows.column(store, DUPLICATE_KINDS)).as("kinds written again find their stored ids").containsExactly("0");
      assertAnswersAsReference(store, executor, new RandomPlans(371), 30, DATE);
    }
  }

  @Test
  void deletesAndReplacementsLeaveTheFactsOfTheResourcesLastWrittenWithOneKindEach() {
    RandomFacts data = new RandomFacts(41);
    Vocabulary words = new Vocabulary(42);
    Map<ResourceKey, ResourceRecord> written = new HashMap<>();
    Set<List<Object>> everWritten = new HashSet<>();
    Path file = dir.resolve("changes.duckdb");
    DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK);
    try {
      apply(store, data.initial(20, 100), written, everWritten);
      for (int i = 0; i < 14; i++) {
        if (i == 7) {
          store.close();
          store = DuckDbSiteStore.open(file, CLOCK);
        }
        apply(store, i % 2 == 0 ? words.batch(data, 25) : data.changes(), written, everWritten);
        List<Fact> expected = new ArrayList<>();
        written.values().forEach(r -> expected.addAll(r.facts()));
        assertThat(store.facts().toList()).as("after batch %d", i).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(StoreRows.column(store, "SELECT count(*) FROM fact_kind")).as("kinds after batch %d", i)
            .containsExactly(Integer.toString(everWritten.size()));
      }
      assertThat(StoreRows.column(store, DUPLICATE_KINDS)).containsExactly("0");
      assertThat(StoreRows.column(store, "SELECT count(*) FROM fact_row WHERE kind NOT IN (SELECT id FROM fact_kind)"))
          .containsExactly("0");
    } finally {
      store.close();
    }
  }

  /**
   * A query of the 17 columns of each row as one string (a null shown as {@code -}), the columns
   * between the times and the attributes as {@code keys} and {@code values} name them.
   */
  private static String rows(String keys, String values, String from) {
    List<String> columns = new ArrayList<>(List.of("f.patient", "f.encounter"));
    columns.addAll(List.of(keys.split(", ")));
    columns.addAll(List.of("f.start_time", "f.end_time", "f.value_num", "f.value_high"));
    columns.addAll(List.of(values.split(", ")));
    columns.add("a.attributes");
    return "SELECT " + String.join(" || '|' || ", columns.stream()
        .map(c -> "coalesce(CAST(" + c + " AS VARCHAR), '-')").toList()) + from;
  }

  /** The distinct coded parts of the facts, worked out from their values. */
  private static Set<List<Object>> kinds(List<Fact> facts) {
    Set<List<Object>> out = new HashSet<>();
    for (Fact f : facts) {
      FactValue v = f.value();
      String unit = v instanceof FactValue.Quantity q ? q.unit() : v instanceof FactValue.Range r ? r.unit() : null;
      String comparator = v instanceof FactValue.Quantity q ? q.comparator() : null;
      out.add(java.util.Arrays.asList(f.resourceType(), f.code(), unit, comparator, f.codedValue(), f.status()));
    }
    return out;
  }

  /** Writes the batch and applies it to {@code written} as the store's rules say. */
  private static void apply(DuckDbSiteStore store, WriteBatch batch, Map<ResourceKey, ResourceRecord> written,
      Set<List<Object>> everWritten) {
    StoreRows.write(store, batch, written);
    batch.upserts().forEach(r -> everWritten.addAll(kinds(r.facts())));
  }

  /**
   * Resources whose facts vary every coded part the plain random facts leave alike: comparators,
   * ranges without a low end, units and statuses or none, coded and text values, encounters, times
   * with microseconds.
   */
  private static final class Vocabulary {

    private static final List<String> UNITS = List.of("mg/dL", "kg", "%", "Ä/µl");
    private static final List<String> COMPARATORS = List.of("<", "<=", ">=", ">");
    private static final List<String> STATUSES = List.of("final", "amended", "entered-in-error");

    private final SplittableRandom random;
    private int next;

    Vocabulary(long seed) {
      this.random = new SplittableRandom(seed);
    }

    /** {@code count} new resources of the data's stored patients. */
    WriteBatch batch(RandomFacts data, int count) {
      List<ResourceRecord> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ResourceRecord owner = data.resource(null);
        String id = "v" + next++;
        String type = data.pick(RandomFacts.TYPES);
        List<Fact> facts = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          Instant start = random.nextInt(5) == 0 ? null
              : RandomFacts.BASE.plusSeconds(random.nextLong(86400L * 400)).plusNanos(random.nextInt(1_000_000) * 1000L);
          String encounter = random.nextInt(3) == 0 ? null : "e" + random.nextInt(4);
          String status = random.nextInt(3) == 0 ? null : data.pick(STATUSES);
          List<Attribute> attributes = random.nextBoolean() ? List.of()
              : List.of(new Attribute("category", data.coding()));
          facts.add(new Fact(owner.patient(), encounter, type, id, data.coding(), start, start, value(data), status,
              attributes));
        }
        out.add(new ResourceRecord(new ResourceKey(type, id), owner.patient(), null, facts, "{}", null, List.of()));
      }
      return new WriteBatch(out, List.of(), Map.of(), List.of());
    }

    private FactValue value(RandomFacts data) {
      return switch (random.nextInt(6)) {
        case 0 -> null;
        case 1 -> new FactValue.Coded(data.coding());
        case 2 -> new FactValue.Range(random.nextBoolean() ? null : 2.5, 7.0, data.pick(UNITS));
        case 3 -> new FactValue.Text(data.pick(UNITS));
        default -> new FactValue.Quantity(random.nextInt(100) / 4.0, random.nextInt(4) == 0 ? null : data.pick(UNITS),
            random.nextBoolean() ? null : data.pick(COMPARATORS));
      };
    }
  }
}
