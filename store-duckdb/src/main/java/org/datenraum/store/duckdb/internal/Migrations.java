package org.datenraum.store.duckdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: each {@code V<n>__<name>.sql} runs once, in order, in its own
 * transaction, and is recorded in {@code schema_version}. A script with a line {@code -- when:
 * <query>} runs its statements only if that query answers true; otherwise it is recorded without
 * them.
 */
public final class Migrations {

  /** The migrations, in order. */
  static final List<String> SCRIPTS = List.of("V1__site_store.sql", "V2__feasibility_index.sql",
      "V3__json_dictionary.sql", "V4__index_delta.sql", "V5__resource_key.sql", "V6__attribute_set.sql",
      "V7__fact_kind.sql", "V8__resource_json_uncompressed.sql");

  private static final String WHEN = "-- when:";

  private Migrations() {}

  /** Brings the schema up to the newest version; returns the version it has afterwards. */
  public static int migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version"
          + " (version INTEGER NOT NULL, script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
    }
    int current = current(c);
    if (current > SCRIPTS.size()) {
      throw new SQLException("the site store has schema version " + current
          + ", newer than this program knows (" + SCRIPTS.size() + "): update datenraum.");
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      apply(c, v, SCRIPTS.get(v - 1));
    }
    return SCRIPTS.size();
  }

  /**
   * Checks, without writing, that the schema is the newest this program knows, for a store opened
   * read-only.
   */
  public static void requireNewest(Connection c) throws SQLException {
    int current;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) {
      rs.next();
      current = rs.getLong(1) == 0 ? 0 : current(c);
    }
    if (current != SCRIPTS.size()) {
      throw new SQLException("the site store has schema version " + current + " where this program needs "
          + SCRIPTS.size() + ": open it once for writing (e.g. `datenraum stats`) to migrate it, or update"
          + " datenraum.");
    }
  }

  private static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void apply(Connection c, int version, String script) throws SQLException {
    try {
      Transactions.inOne(c, () -> {
        try (Statement s = c.createStatement()) {
          String text = read(script);
          if (!applies(s, text)) {
            text = "";
          }
          for (String sql : text.split(";")) {
            String stripped = sql.replaceAll("(?m)^--.*$", "").trim();
            if (!stripped.isEmpty()) {
              s.execute(stripped);
            }
          }
          s.execute("INSERT INTO schema_version VALUES (" + version + ", '" + script
              + "', current_timestamp)");
        }
      });
    } catch (SQLException e) {
      throw explained(e, version, memoryLimit(c));
    }
  }

  /** Whether the script's {@code -- when:} query, if it has one, answers true. */
  private static boolean applies(Statement s, String script) throws SQLException {
    for (String line : script.split("\n")) {
      if (line.startsWith(WHEN)) {
        try (ResultSet rs = s.executeQuery(line.substring(WHEN.length()).trim())) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    return true;
  }

  /**
   * A migration's failure as the user should read it: running out of DuckDB's memory limit (a
   * migration rewrites a whole table in one transaction, which needs memory in proportion to the
   * store) names the limit and how to raise it for one opening; other failures stay as they are.
   */
  static SQLException explained(SQLException e, int version, String limit) {
    String m = String.valueOf(e.getMessage());
    if (!m.contains("Out of Memory")) {
      return e;
    }
    return new SQLException("migrating the store to schema version " + version + " needs more memory than"
        + " DuckDB's limit of " + limit + " allows; the store was left unchanged. Open it once with a"
        + " larger limit, e.g. `DATENRAUM_DUCKDB_MEMORY=60% datenraum stats --site DIR` (a million"
        + " patients need about 12 GB).", e);
  }

  private static String memoryLimit(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit')")) {
      return rs.next() ? "`" + rs.getString(1) + "`" : "(unknown)";
    } catch (SQLException unreadable) {
      return "(unknown)";
    }
  }

  private static String read(String script) {
    String path = "/org/datenraum/store/duckdb/migrations/" + script;
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration " + path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
