package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.datenraum.store.quality.DataQuality;
import org.datenraum.store.quality.FieldCompleteness;
import org.datenraum.store.quality.QualityReport;

/**
 * The data quality of a DuckDB site store counted by the database in three aggregate queries,
 * with the definitions of {@link DataQuality} (which passes over every fact in Java). A fact has a
 * value when any value column is set, as the fact codec reads it back.
 */
public final class QualityCounts {

  private static final String HAS_VALUE = "value_system IS NOT NULL OR value_high IS NOT NULL"
      + " OR value_num IS NOT NULL OR value_text IS NOT NULL";

  /** The fact rows with their kinds' columns (the two tables share no column name). */
  private static final String ROWS = "fact_row JOIN fact_kind ON fact_kind.id = fact_row.kind";

  private QualityCounts() {}

  public static QualityReport measure(Connection c, Set<String> knownSystems, Instant now) throws SQLException {
    List<FieldCompleteness> fields = new ArrayList<>();
    long total = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT resource_type, count(*),"
        + " count(encounter), count(start_time), count(end_time), count(*) FILTER (WHERE " + HAS_VALUE + "),"
        + " count(status) FROM " + ROWS + " GROUP BY resource_type ORDER BY resource_type")) {
      while (rs.next()) {
        fields.add(new FieldCompleteness(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7)));
        total += rs.getLong(2);
      }
    }
    Map<String, Long> unknown = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(k.system, '(none)'), sum(n)::BIGINT FROM"
            + " (SELECT kind, count(*) AS n FROM fact_row GROUP BY kind) f JOIN fact_kind k ON k.id = f.kind GROUP BY 1")) {
      while (rs.next()) {
        if (!knownSystems.contains(rs.getString(1))) {
          unknown.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    fields.sort((a, b) -> a.resourceType().compareTo(b.resourceType()));
    return new QualityReport(now, total, fields, unknown, implausible(c, now));
  }

  private static Map<String, Long> implausible(Connection c, Instant now) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT"
        + " count(*) FILTER (WHERE f.start_time < TIMESTAMP '1900-01-01 00:00:00'),"
        + " count(*) FILTER (WHERE f.start_time > ?),"
        + " count(*) FILTER (WHERE f.end_time < f.start_time),"
        + " count(*) FILTER (WHERE p.birth_year IS NOT NULL"
        + "   AND f.start_time < make_timestamp(p.birth_year, p.birth_month, 1, 0, 0, 0))"
        + " FROM fact_row f LEFT JOIN patient p ON p.num = f.patient")) {
      ps.setObject(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        put(out, DataQuality.BEFORE_1900, rs.getLong(1));
        put(out, DataQuality.FUTURE, rs.getLong(2));
        put(out, DataQuality.END_BEFORE_START, rs.getLong(3));
        put(out, DataQuality.BEFORE_BIRTH, rs.getLong(4));
      }
    }
    return out;
  }

  private static void put(Map<String, Long> out, String reason, long n) {
    if (n > 0) {
      out.put(reason, n);
    }
  }
}
