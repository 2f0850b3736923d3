package org.datenraum.store.duckdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a store back into a former layout, in the order of the rows: that of schema version 6
 * (table {@code fact_row} holding every string column and the id of its attribute lines), or that
 * before it (one table {@code fact} as the first migration creates it, holding the attribute lines
 * in every row).
 */
public final class FormerFactLayout {

  private FormerFactLayout() {}

  /** Converts the store's facts to the layout before schema version 6 and records schema version 5. */
  public static void revert(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(formerTable("fact_former", "attributes    VARCHAR"));
      s.execute("INSERT INTO fact_former SELECT f.patient, f.encounter, k.resource_type, f.resource_id, k.system,"
          + " k.code, f.start_time, f.end_time, f.value_num, f.value_high, k.unit, k.comparator, k.value_system,"
          + " k.value_code, f.value_text, k.status, a.attributes FROM fact_row f JOIN fact_kind k ON k.id = f.kind"
          + " LEFT JOIN attribute_set a ON a.id = f.attribute_set ORDER BY f.rowid");
      s.execute("DROP VIEW fact");
      s.execute("DROP TABLE fact_row");
      s.execute("DROP TABLE fact_kind");
      s.execute("DROP TABLE attribute_set");
      s.execute("ALTER TABLE fact_former RENAME TO fact");
      s.execute("DELETE FROM schema_version WHERE version >= 6");
    }
  }

  /**
   * Converts the store's facts to the layout of schema version 6 (the view {@code fact} over
   * {@code fact_row} and {@code attribute_set}) and records schema version 6.
   */
  public static void revertToAttributeSets(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(formerTable("fact_former", "attribute_set INTEGER"));
      s.execute("INSERT INTO fact_former SELECT f.patient, f.encounter, k.resource_type, f.resource_id, k.system,"
          + " k.code, f.start_time, f.end_time, f.value_num, f.value_high, k.unit, k.comparator, k.value_system,"
          + " k.value_code, f.value_text, k.status, f.attribute_set FROM fact_row f JOIN fact_kind k ON k.id = f.kind"
          + " ORDER BY f.rowid");
      s.execute("DROP VIEW fact");
      s.execute("DROP TABLE fact_row");
      s.execute("DROP TABLE fact_kind");
      s.execute("ALTER TABLE fact_former RENAME TO fact_row");
      s.execute("CREATE VIEW fact AS SELECT f.* EXCLUDE (attribute_set), a.attributes"
          + " FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set");
      s.execute("DELETE FROM schema_version WHERE version >= 7");
    }
  }

  /** The first migration's fact table named {@code name}, its last column {@code attributes} replaced. */
  private static String formerTable(String name, String lastColumn) {
    Matcher m = Pattern.compile("CREATE TABLE fact \\(.*?\\);", Pattern.DOTALL).matcher(firstMigration());
    if (!m.find()) {
      throw new IllegalStateException("the first migration creates no fact table");
    }
    String table = m.group().replace("CREATE TABLE fact (", "CREATE TABLE " + name + " (").replace(";", "");
    if (!table.contains("attributes    VARCHAR")) {
      throw new IllegalStateException("the first migration's fact table has no column attributes");
    }
    return table.replace("attributes    VARCHAR", lastColumn);
  }

  private static String firstMigration() {
    try (InputStream in = Migrations.class.getResourceAsStream(
        "/org/datenraum/store/duckdb/migrations/V1__site_store.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
