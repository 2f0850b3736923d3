package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resource JSON compressed with per-type dictionaries reads back exactly, across reopening. */
class JsonDictionaryIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static ResourceRecord encounter(int i, Random random) {
    String json = "{\"resourceType\":\"Encounter\",\"id\":\"e" + i + "\",\"status\":\"finished\","
        + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\""
        + (random.nextBoolean() ? "IMP" : "AMB") + "\"},\"period\":{\"start\":\"2024-0"
        + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0" + random.nextInt(10)
        + ":00:00+01:00\"},\"serviceProvider\":{\"reference\":\"Organization/o"
        + random.nextInt(5) + "\"},\"note\":\"\u00e4\u00f6\u00fc " + random.nextLong() + "\"}";
    return new ResourceRecord(new ResourceKey("Encounter", "e" + i), null, null, List.of(), json,
        null, List.of());
  }

  private static List<ResourceRecord> encounters(int from, int to, Random random) {
    List<ResourceRecord> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(encounter(i, random));
    }
    return out;
  }

  private static WriteBatch upserts(List<ResourceRecord> records) {
    return new WriteBatch(records, List.of(), Map.of(), List.of());
  }

  private static long storedBytes(DuckDbSiteStore store) {
    return number(store, "SELECT sum(octet_length(json)) FROM resource");
  }

  private static int dictionaries(DuckDbSiteStore store) {
    return (int) number(store, "SELECT count(*) FROM json_dictionary");
  }

  private static long number(DuckDbSiteStore store, String sql) {
    return store.withConnection(c -> {
      try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void smallBatchesGoWithoutDictionaryLargeOnesTrainOneAndAllReadBack() {
    Random random = new Random(7);
    List<ResourceRecord> few = encounters(0, 50, random);
    List<ResourceRecord> many = encounters(50, 2_050, random);
    Path file = dir.resolve("site.duckdb");
    long plainBytesPerResource;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(upserts(few));
      assertThat(dictionaries(store)).isZero();
      plainBytesPerResource = storedBytes(store) / few.size();
      store.write(upserts(many));
      assertThat(dictionaries(store)).isEqualTo(1);
      long dictionaryBytesPerResource = (storedBytes(store) - plainBytesPerResource * few.size())
          / many.size();
      assertThat(dictionaryBytesPerResource).isLessThan(plainBytesPerResource / 2);
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      for (ResourceRecord r : few) {
        assertThat(store.resourceJson(r.key())).contains(r.jsonText());
      }
      for (ResourceRecord r : many) {
        assertThat(store.resourceJson(r.key())).contains(r.jsonText());
      }
      ResourceRecord later = encounter(9_999, random);
      store.write(upserts(List.of(later)));
      assertThat(store.resourceJson(later.key())).contains(later.jsonText());
      assertThat(dictionaries(store)).isEqualTo(1);
    }
  }

  @Test
  void aDictionaryTrainedInARolledBackBatchIsForgotten() {
    Random random = new Random(11);
    List<ResourceRecord> many = new ArrayList<>(encounters(0, 1_500, random));
    many.add(new ResourceRecord(new ResourceKey("Observation", "o1"), "no-such-patient", null,
        List.of(new org.datenraum.core.Fact("no-such-patient", null, "Observation", "o1",
            new org.datenraum.core.Coding("http://loinc.org", "718-7"), null, null, null, null,
            List.of())), "{}", null, List.of()));
    Path file = dir.resolve("site.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThatThrownBy(() -> store.write(upserts(many)))
          .hasMessageContaining("without a stored patient");
      assertThat(dictionaries(store)).isZero();
      List<ResourceRecord> valid = many.subList(0, 1_500);
      store.write(upserts(valid));
      assertThat(dictionaries(store)).isEqualTo(1);
      assertThat(store.resourceJson(valid.get(123).key())).contains(valid.get(123).jsonText());
    }
  }

  /** A store of schema version 2 (before dictionaries) is migrated and its resources stay readable. */
  @Test
  void aStoreFromBeforeDictionariesIsMigratedAndStaysReadable() {
    Random random = new Random(3);
    List<ResourceRecord> old = encounters(0, 20, random);
    Path file = dir.resolve("site.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(upserts(old));
      store.withConnection(c -> {
        org.datenraum.store.duckdb.internal.FormerFactLayout.revert(c);
        try (var s = c.createStatement()) {
          s.execute("DROP TABLE json_dictionary");
          s.execute("DROP TABLE index_delta");
          s.execute("DROP TABLE resource_key");
          return s.executeUpdate("DELETE FROM schema_version WHERE version >= 3");
        }
      });
    }
    List<ResourceRecord> later = encounters(20, 1_520, random);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(number(store, "SELECT max(version) FROM schema_version")).isEqualTo(8);
      store.write(upserts(later));
      assertThat(dictionaries(store)).isEqualTo(1);
      assertThat(store.resourceJson(old.get(7).key())).contains(old.get(7).jsonText());
      assertThat(store.resourceJson(later.get(7).key())).contains(later.get(7).jsonText());
    }
  }
}
