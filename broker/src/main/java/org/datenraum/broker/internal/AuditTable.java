package org.datenraum.broker.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditChain;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.audit.AuditKey;
import org.datenraum.federation.audit.AuditReport;
import org.datenraum.federation.audit.AuditVerifier;
import org.datenraum.federation.v1.AuditHead;

/**
 * The broker's audit log as a table, appended to inside the transaction that makes the change,
 * each entry sealed with the broker's audit key ({@code DIR/audit.key}, not in the database); its
 * head is also kept in {@code DIR/audit-head.json}. Thread-safe.
 */
public final class AuditTable {

  private final Database db;
  private final AuditKey key;
  private final Path headFile;
  private volatile Optional<AuditHead> anchored = Optional.empty();

  private AuditTable(Database db, AuditKey key, Path headFile) {
    this.db = db;
    this.key = key;
    this.headFile = headFile;
  }

  /** The audit key in a broker data directory. */
  public static Path keyFile(Path dataDir) {
    return dataDir.resolve("audit.key");
  }

  /** The file in a broker data directory that holds the latest head the broker wrote. */
  public static Path headFile(Path dataDir) {
    return dataDir.resolve("audit-head.json");
  }

  /**
   * Opens the log with the key in the data directory, creating the key at first start and starting
   * the keyed part of the log (after the entries of an unkeyed log, if any). Refuses a keyed log
   * whose key is missing.
   */
  public static AuditTable open(Database db, Path dataDir, Clock clock) {
    Path keyFile = keyFile(dataDir);
    List<AuditEntry> entries = all(db);
    boolean keyed = AuditChain.keyedFrom(entries) >= 0;
    AuditTable table = new AuditTable(db, AuditKey.forLog(entries, keyFile, new SecureRandom()), headFile(dataDir));
    if (!keyed) {
      db.transaction(c -> {
        AuditEntry e = AuditChain.startKeyed(last(c).orElse(null), table.key, clock.instant(), "broker");
        insert(c, e);
        return null;
      });
    }
    table.anchorHead();
    return table;
  }

  /** Writes the log's head to the head file when it moved since the last call. */
  public void anchorHead() {
    Optional<AuditHead> now = head(db);
    if (now.isPresent() && !now.equals(anchored)) {
      AuditHeadFile.write(headFile, now.get());
      anchored = now;
    }
  }

  /**
   * Verifies the log in a data directory with its key, against the head file and the given heads
   * held by others.
   */
  public static AuditReport verify(Database db, Path dataDir, List<AuditAnchor> held) {
    List<AuditAnchor> anchors = new ArrayList<>();
    AuditHeadFile.read(headFile(dataDir)).ifPresent(h -> anchors.add(
        new AuditAnchor("the broker's head file `" + headFile(dataDir).getFileName() + "`", h)));
    anchors.addAll(held);
    return AuditVerifier.verify(all(db), AuditKey.load(keyFile(dataDir)), anchors);
  }

  void append(Connection c, Instant at, String actor, String action, String request, String detail)
      throws SQLException {
    insert(c, AuditChain.next(last(c).orElse(null), key, at, actor, action, request, detail));
  }

  /** All entries in order. */
  public static List<AuditEntry> all(Database db) {
    return db.transaction(c -> Database.query(c, "SELECT * FROM audit ORDER BY seq", AuditTable::entry));
  }

  /** Up to {@code limit} entries before entry {@code before} (null: the newest), newest first. */
  static List<AuditEntry> page(Database db, int limit, Long before) {
    return db.transaction(c -> Database.query(c, "SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?",
        AuditTable::entry, before == null ? Long.MAX_VALUE : before, limit));
  }

  /** The newest entry's number and seal; empty for an empty log. */
  public static Optional<AuditHead> head(Database db) {
    return db.transaction(c -> last(c).map(AuditEntry::head));
  }

  private static Optional<AuditEntry> last(Connection c) throws SQLException {
    return Database.query(c, "SELECT * FROM audit ORDER BY seq DESC LIMIT 1", AuditTable::entry).stream().findFirst();
  }

  private static void insert(Connection c, AuditEntry e) throws SQLException {
    Database.update(c, "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.seq(), e.at().toString(), e.actor(), e.action(), e.request(), e.detail(), e.previous(), e.hash());
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), Instant.parse(rs.getString("at_time")), rs.getString("actor"),
        rs.getString("action"), rs.getString("request"), rs.getString("detail"), rs.getString("previous"),
        rs.getString("hash"));
  }
}
