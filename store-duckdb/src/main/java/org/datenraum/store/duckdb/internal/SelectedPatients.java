package org.datenraum.store.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A temporary table of patient numbers ({@value #TABLE}, column {@code num}) that a query can
 * semi-join with, so that only the rows of those patients are read and decoded. While it is open
 * the database runs on one thread: DuckDB 1.4.3 on two threads has given run-to-run different
 * results for grouping by patient on the fact table (docs/feasibility.md), and a patient
 * selection must not depend on that. Closing drops the table and restores the thread count. For
 * the store's one connection, under its lock; not thread-safe.
 */
public final class SelectedPatients implements AutoCloseable {

  /** The table's name, for {@code patient IN (SELECT num FROM ...)}. */
  public static final String TABLE = "selected_patients";

  private final DuckDBConnection connection;
  private final long threads;

  private SelectedPatients(DuckDBConnection connection, long threads) {
    this.connection = connection;
    this.threads = threads;
  }

  /** Creates the table with these numbers and switches to one thread. */
  public static SelectedPatients of(DuckDBConnection c, Collection<Integer> numbers) throws SQLException {
    long threads;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
        rs.next();
        threads = rs.getLong(1);
      }
      s.execute("CREATE OR REPLACE TEMP TABLE " + TABLE + " (num INTEGER NOT NULL)");
    }
    SelectedPatients out = new SelectedPatients(c, threads);
    try {
      try (DuckDBAppender a = c.createAppender("temp", "main", TABLE)) {
        for (int n : numbers) {
          a.beginRow();
          a.append(n);
          a.endRow();
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("SET threads = 1");
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("DROP TABLE IF EXISTS temp.main." + TABLE);
    }
  }
}
