package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migration that runs out of DuckDB's memory limit leaves the store as it was and says how to raise the limit. */
class MigrationMemoryIT {

  @TempDir Path dir;

  @Test
  void aMigrationOutOfMemoryLeavesTheStoreAndNamesTheFix() throws SQLException {
    try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve("s.duckdb"), new Properties());
        Statement s = c.createStatement()) {
      Migrations.migrate(c);
      FormerFactLayout.revert(c);
      s.execute("INSERT INTO fact (patient, resource_type, resource_id, system, code, attributes)"
          + " SELECT i % 5000, 'Observation', 'r' || i, 'http://loinc.org', 'x', 'category=http://example.org|' || (i % 40000)"
          + " FROM range(400000) t(i)");
      s.execute("SET memory_limit = '8MB'");
      assertThatThrownBy(() -> Migrations.migrate(c)).isInstanceOf(SQLException.class)
          .hasMessageStartingWith("migrating the store to schema version 6 needs more memory than DuckDB's limit of `")
          .hasMessageContaining("the store was left unchanged").hasMessageContaining("DATENRAUM_DUCKDB_MEMORY=");
      s.execute("SET memory_limit = '1GB'");
      assertThat(count(s, "SELECT max(version) FROM schema_version")).isEqualTo(5);
      assertThat(count(s, "SELECT count(*) FROM fact WHERE attributes IS NOT NULL")).isEqualTo(400_000);
      assertThat(count(s, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'attribute_set'"))
          .isZero();
      Migrations.migrate(c);
      assertThat(count(s, "SELECT count(*) FROM fact WHERE attributes IS NOT NULL")).isEqualTo(400_000);
    }
  }

  @Test
  void theMigrationOfFactKindsOutOfMemoryLeavesTheStore() throws SQLException {
    try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve("k.duckdb"), new Properties());
        Statement s = c.createStatement()) {
      Migrations.migrate(c);
      FormerFactLayout.revertToAttributeSets(c);
      s.execute("INSERT INTO fact_row (patient, resource_type, resource_id, system, code, unit, status)"
          + " SELECT i % 5000, 'Observation', 'r' || i, 'http://loinc.org', 'x' || (i % 3000), 'u' || (i % 3000 % 7), 'final'"
          + " FROM range(400000) t(i)");
      long u3 = count(s, "SELECT count(*) FROM fact WHERE unit = 'u3'");
      s.execute("SET memory_limit = '8MB'");
      assertThatThrownBy(() -> Migrations.migrate(c)).isInstanceOf(SQLException.class)
          .hasMessageStartingWith("migrating the store to schema version 7 needs more memory than DuckDB's limit of `")
          .hasMessageContaining("the store was left unchanged").hasMessageContaining("DATENRAUM_DUCKDB_MEMORY=");
      s.execute("SET memory_limit = '1GB'");
      assertThat(count(s, "SELECT max(version) FROM schema_version")).isEqualTo(6);
      assertThat(count(s, "SELECT count(*) FROM fact_row WHERE unit = 'u3'")).isEqualTo(u3).isGreaterThan(50_000);
      assertThat(count(s, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fact_kind'")).isZero();
      Migrations.migrate(c);
      assertThat(count(s, "SELECT count(*) FROM fact WHERE unit = 'u3'")).isEqualTo(u3);
      assertThat(count(s, "SELECT count(*) FROM fact_kind")).isEqualTo(3000);
    }
  }

  @Test
  void otherFailuresKeepTheirOwnMessage() {
    SQLException other = new SQLException("Catalog Error: Table with name x does not exist!");
    SQLException explained = Migrations.explained(other, 6, "`1.0 GiB`");
    assertThat((Object) explained).isSameAs(other);
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
