package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.duckdb.DuckDBAppender;

/**
 * The writer's side of the table {@code fact_kind}: the id of each distinct combination of a
 * fact's coded parts (resource type, code, unit, comparator, coded value, status), so that a fact
 * row holds one integer instead of eight strings. A site has a few hundred to a few thousand
 * combinations; they are held in an open-addressing table probed with the fact's own strings, so
 * that a look-up builds no object. Combinations new in a batch get the next ids, are appended to
 * the table in the batch's transaction, and are kept only if it commits; a rollback forgets them
 * and gives their ids again. Read at the first write, not at opening. One writer thread.
 */
public final class FactKinds {

  private Kind[] slots = new Kind[256];
  private int size;
  private int next;
  /** The first id of the current batch: kinds from here on are not committed yet. */
  private int committedNext;
  private boolean loaded;

  /** One stored combination. */
  private record Kind(int id, int hash, String resourceType, String system, String code, String unit,
      String comparator, String valueSystem, String valueCode, String status) {

    boolean is(String type, String sys, String c, String u, String cmp, String vs, String vc, String st) {
      return code.equals(c) && system.equals(sys) && resourceType.equals(type) && Objects.equals(unit, u)
          && Objects.equals(valueCode, vc) && Objects.equals(valueSystem, vs) && Objects.equals(status, st)
          && Objects.equals(comparator, cmp);
    }
  }

  /** Reads the committed kinds once. */
  void loadIfNeeded(Connection c) throws SQLException {
    if (loaded) {
      return;
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, resource_type, system, code,"
        + " unit, comparator, value_system, value_code, status FROM fact_kind")) {
      while (rs.next()) {
        String[] v = new String[8];
        for (int i = 0; i < v.length; i++) {
          v[i] = rs.getString(i + 2);
        }
        int id = rs.getInt(1);
        insert(new Kind(id, hash(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]), v[0], v[1], v[2], v[3], v[4],
            v[5], v[6], v[7]));
        next = Math.max(next, id + 1);
      }
    }
    committedNext = next;
    loaded = true;
  }

  /**
   * The id of the fact's kind; a kind new to the store gets the next id and a row in
   * {@code table}, the batch's appender of {@code fact_kind}.
   */
  int idOf(Fact f, DuckDBAppender table) throws SQLException {
    String unit = null;
    String comparator = null;
    String vs = null;
    String vc = null;
    FactValue v = f.value();
    if (v instanceof FactValue.Quantity q) {
      unit = q.unit();
      comparator = q.comparator();
    } else if (v instanceof FactValue.Range r) {
      unit = r.unit();
    } else if (v instanceof FactValue.Coded c) {
      vs = c.coding().system();
      vc = c.coding().code();
    }
    String type = f.resourceType();
    String system = f.code().system();
    String code = f.code().code();
    String status = f.status();
    int h = hash(type, system, code, unit, comparator, vs, vc, status);
    int mask = slots.length - 1;
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      Kind k = slots[i];
      if (k.hash == h && k.is(type, system, code, unit, comparator, vs, vc, status)) {
        return k.id;
      }
    }
    Kind k = new Kind(next++, h, type, system, code, unit, comparator, vs, vc, status);
    insert(k);
    table.beginRow().append(k.id).append(type).append(system).append(code);
    for (String s : new String[] {unit, comparator, vs, vc, status}) {
      FactCodec.text(table, s);
    }
    table.endRow();
    return k.id;
  }

  /** The kinds of the committed batch are kept. */
  void commit() {
    committedNext = next;
  }

  /** The kinds of the rolled-back batch are forgotten, and their ids given again. */
  void rollback() {
    if (next == committedNext) {
      return;
    }
    Kind[] old = slots;
    slots = new Kind[old.length];
    size = 0;
    for (Kind k : old) {
      if (k != null && k.id < committedNext) {
        insert(k);
      }
    }
    next = committedNext;
  }

  private void insert(Kind k) {
    if ((size + 1) * 2 > slots.length) {
      Kind[] old = slots;
      slots = new Kind[old.length * 2];
      size = 0;
      for (Kind o : old) {
        if (o != null) {
          insert(o);
        }
      }
    }
    int mask = slots.length - 1;
    int i = k.hash & mask;
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = k;
    size++;
  }

  private static int hash(String type, String system, String code, String unit, String comparator, String vs,
      String vc, String status) {
    int h = code.hashCode();
    h = h * 31 + system.hashCode();
    h = h * 31 + type.hashCode();
    h = h * 31 + Objects.hashCode(unit);
    h = h * 31 + Objects.hashCode(comparator);
    h = h * 31 + Objects.hashCode(vs);
    h = h * 31 + Objects.hashCode(vc);
    h = h * 31 + Objects.hashCode(status);
    return h ^ (h >>> 16);
  }
}
