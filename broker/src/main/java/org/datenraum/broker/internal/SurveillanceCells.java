package org.datenraum.broker.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.DailySeries;
import org.datenraum.federation.v1.SurveillanceDays;

/**
 * The sites' released daily counts in the broker's database: one row per site, series and day
 * (withheld values as NULL), the labels of the series in the order they first arrived, and each
 * site's minimum cell size. A day sent again replaces the earlier values. Stateless.
 */
final class SurveillanceCells {

  /** A series' kind, indicator and label. */
  record Label(String kind, String indicator, String label) {}

  /** A series: kind, indicator and age group. */
  record SeriesKey(String kind, String indicator, String ageGroup) {}

  /** Receives stored cells; {@code count} and {@code denominator} are null where withheld. */
  @FunctionalInterface
  interface CellSink {
    void accept(String site, SeriesKey key, long day, Integer count, Integer denominator);
  }

  private SurveillanceCells() {}

  /** Stores one upload; returns the number of withheld counts in it. */
  static int store(Connection c, String site, DailyCounts counts) throws SQLException {
    int withheld = 0;
    try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO surveillance_cell VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (DailySeries s : counts.series()) {
        label(c, s);
        for (int d = 0; d < counts.days(); d++) {
          ps.setString(1, site);
          ps.setString(2, s.kind());
          ps.setString(3, s.indicator());
          ps.setString(4, s.ageGroup());
          ps.setLong(5, counts.first().plusDays(d).toEpochDay());
          withheld += bind(ps, 6, s.counts().get(d));
          bind(ps, 7, s.denominators().get(d));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    Database.update(c, "INSERT OR REPLACE INTO surveillance_site VALUES (?, ?)", site, counts.minimumCell());
    return withheld;
  }

  private static int bind(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
      return 1;
    }
    ps.setInt(index, value);
    return 0;
  }

  private static void label(Connection c, DailySeries s) throws SQLException {
    Database.update(c, "INSERT OR IGNORE INTO surveillance_series SELECT ?, ?, ?, coalesce(max(position) + 1, 0)"
        + " FROM surveillance_series", s.kind(), s.indicator(), s.label());
  }

  /** The labels in the order their series first arrived. */
  static List<Label> labels(Connection c) throws SQLException {
    return Database.query(c, "SELECT kind, indicator, label FROM surveillance_series ORDER BY position",
        rs -> new Label(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /** Each site's minimum cell size, by site. */
  static Map<String, Integer> minimumCells(Connection c) throws SQLException {
    Map<String, Integer> out = new TreeMap<>();
    for (Object[] row : Database.query(c, "SELECT site, minimum_cell FROM surveillance_site",
        rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
      out.put((String) row[0], (Integer) row[1]);
    }
    return out;
  }

  /** The first and last stored day within [from, to], or empty when there is none. */
  static List<LocalDate> span(Connection c, LocalDate from, LocalDate to) throws SQLException {
    List<LocalDate> out = new ArrayList<>();
    Database.query(c, "SELECT min(day), max(day) FROM surveillance_cell WHERE day BETWEEN ? AND ?", rs -> {
      long min = rs.getLong(1);
      if (!rs.wasNull()) {
        out.add(LocalDate.ofEpochDay(min));
        out.add(LocalDate.ofEpochDay(rs.getLong(2)));
      }
      return null;
    }, from.toEpochDay(), to.toEpochDay());
    return out;
  }

  /** The first and last day stored of one site, both null when there is none. */
  static SurveillanceDays days(Connection c, String site) throws SQLException {
    return Database.query(c, "SELECT min(day), max(day) FROM surveillance_cell WHERE site = ?", rs -> {
      long min = rs.getLong(1);
      return rs.wasNull() ? new SurveillanceDays(null, null)
          : new SurveillanceDays(LocalDate.ofEpochDay(min), LocalDate.ofEpochDay(rs.getLong(2)));
    }, site).get(0);
  }

  /** Feeds every cell of [from, to] to the sink. */
  static void read(Connection c, LocalDate from, LocalDate to, CellSink sink) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT site, kind, indicator, age_group, day, count, denominator"
        + " FROM surveillance_cell WHERE day BETWEEN ? AND ?")) {
      ps.setLong(1, from.toEpochDay());
      ps.setLong(2, to.toEpochDay());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int count = rs.getInt(6);
          Integer n = rs.wasNull() ? null : count;
          int denominator = rs.getInt(7);
          Integer d = rs.wasNull() ? null : denominator;
          sink.accept(rs.getString(1), new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4)),
              rs.getLong(5), n, d);
        }
      }
    }
  }
}
