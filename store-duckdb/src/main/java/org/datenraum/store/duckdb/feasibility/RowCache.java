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

  /**
   * What every filter needs; unit, coded value and status come with the row's kind (see
   * {@link FactKindIds}).
   */
  private static final String BASE = "f.patient, epoch_us(f.start_time), epoch_us(f.end_time),"
      + " f.value_num, f.value_high, f.kind, f.value_text IS NOT NULL";

  /** What attribute, component and reference tests need as well (the costly strings). */
  private static final String EXTRAS = ", a.attributes, f.resource_id";

  /** The rows with their attribute lines. */
  private static final String WITH_ATTRIBUTES = " FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set";

  final Interner<String> units = new Interner<>();
  final Interner<String> statuses = new Interner<>();
  final Interner<Coding> codings = new Interner<>();
  final Interner<String> attributeLists = new Interner<>();
  private final List<List<Attribute>> parsed = new ArrayList<>();
  private FactKindIds kinds;
  private final LinkedHashMap<IndexKey, FactRows> rows = new LinkedHashMap<>(16, 0.75f, true);
  private final long budgetBytes;
  private long bytes;

  RowCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /**
   * The rows of every key, loading the missing ones in one scan of the fact table. With
   * {@code extras}, the rows carry attributes and resource hashes (attribute, sibling and
   * reference tests need them); without, they may or may not.
   */
  Map<IndexKey, FactRows> rows(Connection c, Collection<IndexKey> keys, boolean extras) throws SQLException {
    Map<IndexKey, FactRows> out = new HashMap<>();
    List<IndexKey> missingCodes = new ArrayList<>();
    for (IndexKey k : keys) {
      FactRows r = rows.get(k);
      if (r != null && (r.hasExtras || !extras)) {
        out.put(k, r);
      } else if (k.isCode()) {
        missingCodes.add(k);
      } else {
        out.put(k, keep(k, loadAttribute(c, k)));
      }
    }
    if (!missingCodes.isEmpty()) {
      Map<IndexKey, FactRows> loaded = loadCodes(c, missingCodes, extras);
      for (IndexKey k : missingCodes) {
        out.put(k, keep(k, loaded.getOrDefault(k, new FactRows(0, extras))));
      }
    }
    return out;
  }

  private FactRows keep(IndexKey k, FactRows r) {
    FactRows replaced = rows.put(k, r);
    if (replaced != null) {
      bytes -= replaced.sizeInBytes();
    }
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

  private Map<IndexKey, FactRows> loadCodes(Connection c, List<IndexKey> keys, boolean extras)
      throws SQLException {
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
    FactKindIds known = kinds(c);
    Map<IndexKey, FactRows> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT w.k, " + BASE
        + (extras ? EXTRAS + WITH_ATTRIBUTES : " FROM fact_row f") + " JOIN (SELECT w.k, d.id FROM feasibility_want w"
        + " JOIN fact_kind d ON d.code = w.code AND d.system = w.system AND d.resource_type = w.resource_type) w"
        + " ON w.id = f.kind ORDER BY w.k, f.patient")) {
      while (rs.next()) {
        IndexKey k = keys.get(rs.getInt(1));
        FactRows r = out.computeIfAbsent(k, x -> new FactRows(1024, extras));
        int i = read(rs, 2, r, known);
        r.code[i] = codings.id(k.coding());
        if (extras) {
          readExtras(rs, 9, r, i, k.resourceType());
        }
      }
    }
    return out;
  }

  private FactRows loadAttribute(Connection c, IndexKey k) throws SQLException {
    FactKindIds known = kinds(c);
    FactRows out = new FactRows(1024, true);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + BASE + EXTRAS + WITH_ATTRIBUTES
        + " WHERE f.kind IN (SELECT id FROM fact_kind WHERE resource_type = ?)"
        + " AND list_contains(string_split(a.attributes, chr(10)), ?) ORDER BY f.patient")) {
      ps.setString(1, k.resourceType());
      ps.setString(2, k.attributeLine());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int i = read(rs, 1, out, known);
          readExtras(rs, 8, out, i, k.resourceType());
          out.code[i] = known.code(rs.getInt(6));
        }
      }
    }
    return out;
  }

  /** Reads the {@link #BASE} columns starting at column {@code at} into a new row. */
  private int read(ResultSet rs, int at, FactRows r, FactKindIds known) throws SQLException {
    int i = r.append();
    r.patient[i] = rs.getInt(at);
    r.start[i] = time(rs, at + 1);
    r.end[i] = time(rs, at + 2);
    double num = rs.getDouble(at + 3);
    boolean hasNum = !rs.wasNull();
    rs.getDouble(at + 4);
    boolean hasHigh = !rs.wasNull();
    int kind = rs.getInt(at + 5);
    int value = known.value(kind);
    r.kind[i] = value >= 0 ? FactRows.CODED : hasHigh ? FactRows.RANGE
        : hasNum ? FactRows.QUANTITY : rs.getBoolean(at + 6) ? FactRows.TEXT : FactRows.NONE;
    r.number[i] = num;
    r.unit[i] = known.unit(kind);
    r.value[i] = value;
    r.status[i] = known.status(kind);
    return i;
  }

  /** The kinds of the store, read once per cache (the cache belongs to one store version). */
  private FactKindIds kinds(Connection c) throws SQLException {
    if (kinds == null) {
      kinds = FactKindIds.read(c, this);
    }
    return kinds;
  }

  private void readExtras(ResultSet rs, int at, FactRows r, int i, String type) throws SQLException {
    r.attributes[i] = attributeLists.id(rs.getString(at));
    r.resource[i] = ResourceHash.of(type, rs.getString(at + 1));
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
