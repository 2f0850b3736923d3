package org.datenraum.store.duckdb.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A temporary table of patient numbers ({@value #TABLE}, column {@code num}) that a query can
 * semi-join with, so that only the rows of those patients are read and decoded. Closing drops the
 * table. For the store's one connection, under its lock; not thread-safe.
 */
public final class SelectedPatients implements AutoCloseable {

  /** The table's name, for {@code patient IN (SELECT num FROM ...)}. */
  public static final String TABLE = "selected_patients";

  private final DuckDBConnection connection;

  private SelectedPatients(DuckDBConnection connection) {
    this.connection = connection;
  }

  /** Creates the table with these numbers. */
  public static SelectedPatients of(DuckDBConnection c, Collection<Integer> numbers) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE " + TABLE + " (num INTEGER NOT NULL)");
    }
    SelectedPatients out = new SelectedPatients(c);
    try (DuckDBAppender a = c.createAppender("temp", "main", TABLE)) {
      for (int n : numbers) {
        a.beginRow();
        a.append(n);
        a.endRow();
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
      s.execute("DROP TABLE IF EXISTS temp.main." + TABLE);
    }
  }
}
