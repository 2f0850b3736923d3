package org.datenraum.store.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import org.datenraum.core.Coding;

/**
 * Counts by plain scans of a DuckDB site store's tables: the consistency check after a load, and
 * patients with a value above a bound as the engine counts them ({@code count(DISTINCT patient)})
 * and as the same rows deduplicated here, which the benchmark and the tests compare with each
 * other and with the index, so a wrong count of the engine shows. Stateless.
 */
public final class FactScans {

  private FactScans() {}

  /**
   * Rows that refer to something the store does not hold: facts without their resource or
   * patient, resources without their patient. 0 in a consistent store.
   */
  public static long danglingRows(DuckDbSiteStore store) {
    return store.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT (SELECT count(*) FROM fact_row f WHERE NOT EXISTS"
              + " (SELECT 1 FROM resource r WHERE r.id = f.resource_id))"
              + " + (SELECT count(*) FROM fact_row f WHERE NOT EXISTS"
              + " (SELECT 1 FROM patient p WHERE p.num = f.patient))"
              + " + (SELECT count(*) FROM resource r WHERE r.patient IS NOT NULL AND NOT EXISTS"
              + " (SELECT 1 FROM patient p WHERE p.num = r.patient))")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Patients with such a fact, counted by the engine on {@code threads} threads. */
  public static long patientsInEngine(DuckDbSiteStore store, ValueAbove facts, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return store.withConnection(c -> {
      long before = threads(c);
      setThreads(c, threads);
      try (PreparedStatement ps = prepared(c, "SELECT count(DISTINCT patient)" + facts.where(), facts);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } finally {
        setThreads(c, before);
      }
    });
  }

  /** The same patients, every matching row read and deduplicated in Java. */
  public static long patientsDeduplicatedHere(DuckDbSiteStore store, ValueAbove facts) {
    return store.withConnection(c -> {
      BitSet patients = new BitSet();
      try (PreparedStatement ps = prepared(c, "SELECT patient" + facts.where(), facts);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          patients.set(rs.getInt(1));
        }
      }
      return (long) patients.cardinality();
    });
  }

  /** The engine's thread count for this store's connection. */
  public static long threads(DuckDbSiteStore store) {
    return store.withConnection(FactScans::threads);
  }

  private static long threads(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void setThreads(Connection c, long threads) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
    }
  }

  private static PreparedStatement prepared(Connection c, String sql, ValueAbove facts) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      ps.setString(1, facts.code().system());
      ps.setString(2, facts.code().code());
      if (facts.unit() != null) {
        ps.setString(3, facts.unit());
      }
      ps.setDouble(facts.unit() == null ? 3 : 4, facts.above());
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /**
   * Facts of a code with a value above a bound, in one unit or in any.
   *
   * @param unit the UCUM unit the value must have, or null for any
   */
  public record ValueAbove(Coding code, double above, String unit) {
    public ValueAbove {
      requireNonNull(code, "code");
      if (Double.isNaN(above)) {
        throw new IllegalArgumentException("the bound must be a number");
      }
    }

    String where() {
      return " FROM fact_row WHERE kind IN (SELECT id FROM fact_kind WHERE system = ? AND code = ?"
          + (unit == null ? "" : " AND unit = ?") + ") AND value_num > ?";
    }
  }
}
