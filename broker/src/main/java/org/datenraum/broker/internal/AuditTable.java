package org.datenraum.broker.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.datenraum.federation.audit.AuditChain;
import org.datenraum.federation.audit.AuditEntry;

/** The broker's audit log as a table, appended to inside the transaction that makes the change. */
public final class AuditTable {

  private AuditTable() {}

  static void append(Connection c, Instant at, String actor, String action, String request, String detail)
      throws SQLException {
    List<AuditEntry> last = Database.query(c, "SELECT * FROM audit ORDER BY seq DESC LIMIT 1", AuditTable::entry);
    AuditEntry e = AuditChain.next(last.isEmpty() ? null : last.get(0), at, actor, action, request, detail);
    Database.update(c, "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.seq(), e.at().toString(), e.actor(), e.action(), e.request(), e.detail(), e.previous(), e.hash());
  }

  /** All entries in order. */
  public static List<AuditEntry> all(Database db) {
    return db.transaction(c -> Database.query(c, "SELECT * FROM audit ORDER BY seq", AuditTable::entry));
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), Instant.parse(rs.getString("at_time")), rs.getString("actor"),
        rs.getString("action"), rs.getString("request"), rs.getString("detail"), rs.getString("previous"),
        rs.getString("hash"));
  }
}
