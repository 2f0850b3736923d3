package org.datenraum.broker.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.files.OwnerOnly;
import org.sqlite.SQLiteConfig;

/**
 * The broker's state in one embedded SQLite file (write-ahead log, synchronous=NORMAL: a committed
 * change survives a crash of the broker process; an operating-system crash may lose the last
 * commits, which nodes re-deliver on their next poll): principals, requests, per-site statuses and
 * results, settings and the audit log, in the schema {@link Migrations} brings up to date. One
 * connection; every unit of work is one transaction, serialized, begun with {@code BEGIN IMMEDIATE}
 * (the write lock is taken at its start, so a check and the write that depends on it cannot be
 * interleaved with another writer, also of another process). Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** A unit of work inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Maps one row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private boolean closed;

  private Database(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file. */
  public static Database open(Path file) {
    try {
      Class.forName("org.sqlite.JDBC");
      // created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode
      OwnerOnly.createIfAbsent(file);
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(5000);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      Migrations.migrate(c);
      c.setAutoCommit(false);
      c.commit();
      return new Database(c);
    } catch (SQLException e) {
      String hint = String.valueOf(e.getMessage()).contains("locked")
          ? " (another process, probably a running broker, holds it: stop it first)" : "";
      throw new BrokerStoreException("cannot open the broker database " + file + hint + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BrokerStoreException("cannot create the broker database " + file + ": " + e.getMessage(), e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the SQLite JDBC driver is missing", e);
    }
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  public synchronized <T> T transaction(Work<T> work) {
    if (closed) {
      throw new BrokerStoreException("the broker is stopping", null);
    }
    try {
      T out = work.run(connection);
      connection.commit();
      return out;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new BrokerStoreException("broker database failure: " + e.getMessage(), e);
    }
  }

  /** Runs a query and maps its rows. */
  public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  /** Runs an insert, update or delete; returns the number of rows changed. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw new BrokerStoreException("cannot close the broker database: " + e.getMessage(), e);
    }
  }
}
