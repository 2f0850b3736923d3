package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The fact rows of the index keys that filtered criteria need, loaded from the fact table on first
 * use and kept, least recently used first out, up to a budget of bytes. Belongs to one store
 * version: the executor drops it when the store changes. Not thread-safe.
 */
final class RowCache {

  private static final String COLUMNS = "f.patient, epoch_us(f.start_time), epoch_us(f.end_time),"
      + " f.value_num, f.value_high, f.unit, f.value_system, f.value_code, f.value_text IS NOT NULL,"
      + " f.status, f.attributes, f.resource_type, f.resource_id, f.system, f.code";

  final Interner<String> units = new Interner<>();
  final Interner<String> statuses = new Interner<>();
  final Interner<Coding> codings = new Interner<>();
  final Interner<String> attributeLists = new Interner<>();
  private final List<List<Attribute>> parsed = new ArrayList<>();
  private final LinkedHashMap<IndexKey, FactRows> rows = new LinkedHashMap<>(16, 0.75f, true);
  private final long budgetBytes;
  private long bytes;

  RowCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The rows of every key, loading the missing ones in one scan of the fact table. */
  Map<IndexKey, FactRows> rows(Connection c, Collection<IndexKey> keys) throws SQLException {
    Map<IndexKey, FactRows> out = new HashMap<>();
    List<IndexKey> missingCodes = new ArrayList<>();
    for (IndexKey k : keys) {
      FactRows r = rows.get(k);
      if (r != null) {
        out.put(k, r);
      } else if (k.isCode()) {
        missingCodes.add(k);
      } else {
        out.put(k, keep(k, loadAttribute(c, k)));
      }
    }
    if (!missingCodes.isEmpty()) {
      Map<IndexKey, FactRows> loaded = loadCodes(c, missingCodes);
      for (IndexKey k : missingCodes) {
        out.put(k, keep(k, loaded.getOrDefault(k, new FactRows(0))));
      }
    }
    return out;
  }

  private FactRows keep(IndexKey k, FactRows r) {
    rows.put(k, r);
    bytes += r.sizeInBytes();
    var it = rows.entrySet().iterator();
    while (bytes > budgetBytes && rows.size() > 1 && it.hasNext()) {
      var e = it.next();
      if (e.getKey().equals(k)) {
        continue;
      }
      bytes -= e.getValue().sizeInBytes();
      it.remove();
    }
    return r;
  }

  private Map<IndexKey, FactRows> loadCodes(Connection c, List<IndexKey> keys) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE feasibility_want"
          + " (k INTEGER, resource_type VARCHAR, system VARCHAR, code VARCHAR)");
    }
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class)
        .createAppender("temp", "main", "feasibility_want")) {
      for (int i = 0; i < keys.size(); i++) {
        IndexKey k = keys.get(i);
        a.beginRow().append(i).append(k.resourceType()).append(k.coding().system())
            .append(k.coding().code()).endRow();
      }
    }
    Map<IndexKey, FactRows> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT w.k, " + COLUMNS
        + " FROM fact f JOIN feasibility_want w ON f.code = w.code AND f.system = w.system"
        + " AND f.resource_type = w.resource_type ORDER BY w.k, f.patient")) {
      while (rs.next()) {
        IndexKey k = keys.get(rs.getInt(1));
        read(rs, 2, out.computeIfAbsent(k, x -> new FactRows(1024)));
      }
    }
    return out;
  }

  private FactRows loadAttribute(Connection c, IndexKey k) throws SQLException {
    FactRows out = new FactRows(1024);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM fact f"
        + " WHERE f.resource_type = ? AND list_contains(string_split(f.attributes, chr(10)), ?)"
        + " ORDER BY f.patient")) {
      ps.setString(1, k.resourceType());
      ps.setString(2, k.attributeLine());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          read(rs, 1, out);
        }
      }
    }
    return out;
  }

  private void read(ResultSet rs, int at, FactRows r) throws SQLException {
    int i = r.append();
    r.patient[i] = rs.getInt(at);
    r.start[i] = time(rs, at + 1);
    r.end[i] = time(rs, at + 2);
    double num = rs.getDouble(at + 3);
    boolean hasNum = !rs.wasNull();
    rs.getDouble(at + 4);
    boolean hasHigh = !rs.wasNull();
    String valueSystem = rs.getString(at + 6);
    r.kind[i] = valueSystem != null ? FactRows.CODED : hasHigh ? FactRows.RANGE
        : hasNum ? FactRows.QUANTITY : rs.getBoolean(at + 8) ? FactRows.TEXT : FactRows.NONE;
    r.number[i] = num;
    r.unit[i] = units.id(rs.getString(at + 5));
    r.value[i] = valueSystem == null ? -1 : codings.id(new Coding(valueSystem, rs.getString(at + 7)));
    r.status[i] = statuses.id(rs.getString(at + 9));
    r.attributes[i] = attributeLists.id(rs.getString(at + 10));
    r.resource[i] = ResourceHash.of(rs.getString(at + 11), rs.getString(at + 12));
    r.code[i] = codings.id(new Coding(rs.getString(at + 13), rs.getString(at + 14)));
  }

  private static long time(ResultSet rs, int column) throws SQLException {
    long t = rs.getLong(column);
    return rs.wasNull() ? FactRows.NO_TIME : t;
  }

  /** The attributes of an attribute-list id, parsed once. */
  List<Attribute> attributes(int id) {
    if (id < 0) {
      return List.of();
    }
    while (parsed.size() <= id) {
      parsed.add(null);
    }
    List<Attribute> a = parsed.get(id);
    if (a == null) {
      a = AttributeLines.parse(attributeLists.value(id));
      parsed.set(id, a);
    }
    return a;
  }

  long sizeInBytes() {
    return bytes;
  }

  int keys() {
    return rows.size();
  }
}
