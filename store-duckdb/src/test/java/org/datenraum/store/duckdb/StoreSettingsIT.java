package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened for writing or read-only runs DuckDB with the memory limit and threads given. */
class StoreSettingsIT {

  @TempDir Path dir;

  @Test
  void writableAndReadOnlyOpeningsUseTheSettings() {
    Path file = dir.resolve("site.duckdb");
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, Clock.systemUTC(), new StoreSettings(300L << 20, 1))) {
      assertThat(setting(store, "memory_limit")).isEqualTo("300.0 MiB");
      assertThat(setting(store, "threads")).isEqualTo("1");
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, Clock.systemUTC(), new StoreSettings(1L << 30, 2))) {
      assertThat(setting(store, "memory_limit")).isEqualTo("1.0 GiB");
      assertThat(setting(store, "threads")).isEqualTo("2");
    }
  }

  /** A batch is appended on one DuckDB thread; afterwards, committed or not, the configured threads apply again. */
  @Test
  void writesLeaveTheConfiguredThreads() {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("w.duckdb"), Clock.systemUTC(), new StoreSettings(1L << 30, 3))) {
      store.write(batch(new ResourceRecord(new ResourceKey("Encounter", "e1"), null, null, List.of(),
          "{\"resourceType\":\"Encounter\",\"id\":\"e1\"}", null, List.of())));
      assertThat(setting(store, "threads")).isEqualTo("3");
      Fact orphan = new Fact("nobody", null, "Observation", "o1", new Coding("http://loinc.org", "718-7"),
          null, null, null, null, List.of());
      assertThatThrownBy(() -> store.write(batch(new ResourceRecord(new ResourceKey("Observation", "o1"),
          "nobody", null, List.of(orphan), "{}", null, List.of()))))
          .hasMessageContaining("without a stored patient");
      assertThat(setting(store, "threads")).isEqualTo("3");
      assertThat(store.resourceJson(new ResourceKey("Encounter", "e1"))).isPresent();
    }
  }

  private static WriteBatch batch(ResourceRecord r) {
    return new WriteBatch(List.of(r), List.of(), Map.of(), List.of());
  }

  @Test
  void theDefaultIsAQuarterOfTheMachineNotDuckDbsEightyPercent() {
    StoreSettings expected = StoreSettings.defaults();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("default.duckdb"), Clock.systemUTC())) {
      assertThat(setting(store, "memory_limit")).isEqualTo(duckDbSize(expected.memoryLimitBytes() >> 20 << 20));
      assertThat(setting(store, "threads")).isEqualTo(Integer.toString(expected.threads()));
    }
  }

  /** DuckDB's way of showing a size: one decimal (cut, not rounded) in the largest binary unit. */
  private static String duckDbSize(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", Math.floor(value * 10) / 10, units[unit]);
  }

  private static String setting(DuckDbSiteStore store, String name) {
    return store.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
        rs.next();
        return rs.getString(1);
      }
    });
  }
}
