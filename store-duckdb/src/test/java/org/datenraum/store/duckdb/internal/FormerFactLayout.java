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
 * Turns a store back into the layout before schema version 6: one table {@code fact} as the first
 * migration creates it, holding the attribute lines in every row, in the order of the rows.
 */
public final class FormerFactLayout {

  private FormerFactLayout() {}

  /** Converts the store's facts to the former layout and records schema version 5. */
  public static void revert(Connection c) throws SQLException {
    Matcher m = Pattern.compile("CREATE TABLE fact \\(.*?\\);", Pattern.DOTALL).matcher(firstMigration());
    if (!m.find()) {
      throw new IllegalStateException("the first migration creates no fact table");
    }
    try (Statement s = c.createStatement()) {
      s.execute(m.group().replace("CREATE TABLE fact (", "CREATE TABLE fact_former (").replace(";", ""));
      s.execute("INSERT INTO fact_former SELECT f.* EXCLUDE (attribute_set), a.attributes"
          + " FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set ORDER BY f.rowid");
      s.execute("DROP VIEW fact");
      s.execute("DROP TABLE fact_row");
      s.execute("DROP TABLE attribute_set");
      s.execute("ALTER TABLE fact_former RENAME TO fact");
      s.execute("DELETE FROM schema_version WHERE version >= 6");
    }
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
