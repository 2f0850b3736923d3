package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.datenraum.core.Coding;

/**
 * The rows of {@code fact_kind} as the row cache's ids (unit, coded value, status and the fact's
 * own code, each interned once), so that a cached fact row is read as integers and not as four to
 * six strings. Read once per row cache. Immutable after reading.
 */
final class FactKindIds {

  private int[] unit = new int[0];
  private int[] value = new int[0];
  private int[] status = new int[0];
  private int[] code = new int[0];

  private FactKindIds() {}

  /** Reads every kind, interning its values in the cache's interners. */
  static FactKindIds read(Connection c, RowCache cache) throws SQLException {
    FactKindIds out = new FactKindIds();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, system, code, unit,"
        + " value_system, value_code, status FROM fact_kind ORDER BY id")) {
      while (rs.next()) {
        int id = rs.getInt(1);
        out.ensure(id + 1);
        out.code[id] = cache.codings.id(new Coding(rs.getString(2), rs.getString(3)));
        out.unit[id] = cache.units.id(rs.getString(4));
        String valueSystem = rs.getString(5);
        out.value[id] = valueSystem == null ? -1 : cache.codings.id(new Coding(valueSystem, rs.getString(6)));
        out.status[id] = cache.statuses.id(rs.getString(7));
      }
    }
    return out;
  }

  private void ensure(int length) {
    if (length > unit.length) {
      int n = Math.max(length, unit.length * 2);
      unit = Arrays.copyOf(unit, n);
      value = Arrays.copyOf(value, n);
      status = Arrays.copyOf(status, n);
      code = Arrays.copyOf(code, n);
    }
  }

  /** The unit's id in the cache's units, -1 for none. */
  int unit(int kind) {
    return unit[kind];
  }

  /** The coded value's id in the cache's codings, -1 for none. */
  int value(int kind) {
    return value[kind];
  }

  int status(int kind) {
    return status[kind];
  }

  /** The fact's own code's id in the cache's codings. */
  int code(int kind) {
    return code[kind];
  }
}
