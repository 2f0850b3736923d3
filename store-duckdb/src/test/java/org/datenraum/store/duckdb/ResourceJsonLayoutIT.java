package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 8: a new or empty store declares the resource JSON column uncompressed; a filled
 * store keeps its table, rows and order as they were.
 */
class ResourceJsonLayoutIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String FORMER_TABLE = "CREATE TABLE resource (type VARCHAR NOT NULL, id VARCHAR NOT NULL,"
      + " patient INTEGER, encounter VARCHAR, json BLOB NOT NULL)";

  @TempDir Path dir;

  private static List<ResourceRecord> encounters(int n) {
    List<ResourceRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String json = "{\"resourceType\":\"Encounter\",\"id\":\"e" + i + "\",\"status\":\"finished\",\"note\":\"n"
          + (i * 7919 % 1000) + "\"}";
      out.add(new ResourceRecord(new ResourceKey("Encounter", "e" + i), null, null, List.of(), json, null,
          List.of()));
    }
    return out;
  }

  private static WriteBatch upserts(List<ResourceRecord> records) {
    return new WriteBatch(records, List.of(), Map.of(), List.of());
  }

  private static String tableSql(DuckDbSiteStore store) {
    return StoreRows.column(store, "SELECT sql FROM duckdb_tables() WHERE table_name = 'resource'").get(0);
  }

  /** The compression methods of the json column's stored segments, after a checkpoint. */
  private static List<String> jsonCompression(DuckDbSiteStore store) {
    execute(store, "CHECKPOINT");
    return StoreRows.column(store, "SELECT DISTINCT compression FROM pragma_storage_info('resource')"
        + " WHERE column_name = 'json' AND segment_type = 'BLOB'");
  }

  private static void execute(DuckDbSiteStore store, String... sql) {
    store.withConnection(c -> {
      try (var s = c.createStatement()) {
        for (String q : sql) {
          s.execute(q);
        }
      }
      return null;
    });
  }

  /** Turns the store's resource table back into that of schema version 7, keeping its rows in order. */
  private static void revertToVersion7(DuckDbSiteStore store) {
    execute(store, "CREATE TABLE resource_kept AS SELECT * FROM resource ORDER BY rowid", "DROP TABLE resource",
        FORMER_TABLE, "INSERT INTO resource SELECT * FROM resource_kept", "DROP TABLE resource_kept",
        "DELETE FROM schema_version WHERE version >= 8");
  }

  @Test
  void aNewStoreStoresTheJsonUncompressedAndReadsItBack() {
    List<ResourceRecord> records = encounters(3_000);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("new.duckdb"), CLOCK)) {
      assertThat(tableSql(store)).contains("USING COMPRESSION");
      store.write(upserts(records));
      assertThat(jsonCompression(store)).containsExactly("Uncompressed");
      assertThat(store.resourceJson(records.get(2_345).key())).contains(records.get(2_345).jsonText());
    }
  }

  @Test
  void aFilledStoreOfVersion7KeepsItsTableAndRows() {
    Path file = dir.resolve("filled.duckdb");
    List<ResourceRecord> records = encounters(3_000);
    List<String> before;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(upserts(records));
      revertToVersion7(store);
      assertThat(jsonCompression(store)).doesNotContain("Uncompressed");
      before = StoreRows.column(store, "SELECT id || ':' || md5(json::VARCHAR) FROM resource ORDER BY rowid");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(StoreRows.column(store, "SELECT max(version) FROM schema_version")).containsExactly("8");
      assertThat(tableSql(store)).doesNotContain("USING COMPRESSION");
      assertThat(StoreRows.column(store, "SELECT id || ':' || md5(json::VARCHAR) FROM resource ORDER BY rowid"))
          .isEqualTo(before);
      assertThat(store.resourceJson(records.get(17).key())).contains(records.get(17).jsonText());
    }
  }

  @Test
  void anEmptyStoreOfVersion7GetsTheUncompressedColumn() {
    Path file = dir.resolve("empty.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      revertToVersion7(store);
      assertThat(tableSql(store)).doesNotContain("USING COMPRESSION");
    }
    List<ResourceRecord> records = encounters(3_000);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      assertThat(tableSql(store)).contains("USING COMPRESSION");
      store.write(upserts(records));
      assertThat(jsonCompression(store)).containsExactly("Uncompressed");
    }
  }
}
