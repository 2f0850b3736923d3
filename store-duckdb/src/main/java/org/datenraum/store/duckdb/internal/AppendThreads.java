package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's {@code threads} around a batch: one while its rows are appended and committed, the
 * configured count otherwise. The appends, and the checkpoints a commit may start, gain nothing from
 * DuckDB's other threads while the other cores map the next batches, and those threads' waiting for
 * work costs CPU (about a tenth of the appends' in a first load). The scans that delete replaced
 * rows run on the configured threads. One writer thread.
 */
final class AppendThreads {

  private final Connection c;
  /** The configured count, read at the first use, and the current setting. */
  private long configured;
  private long current;

  AppendThreads(Connection c) {
    this.c = c;
  }

  /** DuckDB runs on one thread until {@link #restore}. */
  void single() throws SQLException {
    set(1);
  }

  /** DuckDB runs on its configured threads again. */
  void restore() throws SQLException {
    set(configured());
  }

  private long configured() throws SQLException {
    if (configured == 0) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
        rs.next();
        configured = rs.getLong(1);
        current = configured;
      }
    }
    return configured;
  }

  private void set(long n) throws SQLException {
    configured();
    if (n != current) {
      try (Statement s = c.createStatement()) {
        s.execute("SET threads = " + n);
      }
      current = n;
    }
  }
}
