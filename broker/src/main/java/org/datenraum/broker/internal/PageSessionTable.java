package org.datenraum.broker.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.datenraum.broker.PageSessions;

/** The pages' signed-in sessions in the broker's database (table {@code page_session}). Thread-safe. */
public final class PageSessionTable implements PageSessions {

  private final Database db;

  public PageSessionTable(Database db) {
    this.db = db;
  }

  @Override
  public void save(Kept s) {
    db.transaction(c -> Database.update(c, "INSERT OR REPLACE INTO page_session VALUES (?, ?, ?, ?, ?, ?)",
        s.idHash(), s.name(), s.role(), s.sealed(), s.lastSeen().toEpochMilli(), s.ends().toEpochMilli()));
  }

  @Override
  public Optional<Kept> find(String idHash) {
    List<Kept> found = db.transaction(c -> Database.query(c, "SELECT id_hash, name, role, sealed, last_seen, ends"
        + " FROM page_session WHERE id_hash = ?", rs -> new Kept(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))), idHash));
    return found.stream().findFirst();
  }

  @Override
  public void seen(String idHash, Instant at) {
    db.transaction(c -> Database.update(c, "UPDATE page_session SET last_seen = ? WHERE id_hash = ?",
        at.toEpochMilli(), idHash));
  }

  @Override
  public void delete(String idHash) {
    db.transaction(c -> Database.update(c, "DELETE FROM page_session WHERE id_hash = ?", idHash));
  }

  @Override
  public void deleteAllOf(String name) {
    db.transaction(c -> Database.update(c, "DELETE FROM page_session WHERE name = ?", name));
  }

  @Override
  public int deleteEnded(Instant now, Instant idleSince) {
    return db.transaction(c -> Database.update(c, "DELETE FROM page_session WHERE ends <= ? OR last_seen <= ?",
        now.toEpochMilli(), idleSince.toEpochMilli()));
  }
}
