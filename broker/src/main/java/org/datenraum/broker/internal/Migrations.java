package org.datenraum.broker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations of the broker's database: each {@code V<n>__<name>.sql} runs once,
 * in order, in its own transaction, and is recorded in {@code schema_version}. A database from
 * before versioning (no {@code schema_version}) has the tables of V1 and is brought up from there.
 */
public final class Migrations {

  /** The migrations, in order. */
  static final List<String> SCRIPTS = List.of("V1__broker.sql", "V2__request_type.sql", "V3__site_audit_head.sql",
      "V4__saved_query.sql", "V5__page_session.sql");

  private Migrations() {}

  /** The version the newest migration gives. */
  public static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Brings the schema up to the newest version; the connection must not be inside a transaction.
   * Returns the version it has afterwards.
   */
  static int migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version"
          + " (version INTEGER PRIMARY KEY, script VARCHAR NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = current(c);
    if (current > SCRIPTS.size()) {
      throw new SQLException("the broker database has schema version " + current
          + ", newer than this program knows (" + SCRIPTS.size() + "): update datenraum");
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      apply(c, v, SCRIPTS.get(v - 1));
    }
    return SCRIPTS.size();
  }

  private static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void apply(Connection c, int version, String script) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String sql : read(script).replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql.strip());
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, script);
        ps.setLong(3, System.currentTimeMillis());
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static String read(String script) {
    String path = "/org/datenraum/broker/migrations/" + script;
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
