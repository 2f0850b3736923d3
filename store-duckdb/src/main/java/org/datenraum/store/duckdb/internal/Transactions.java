package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection in one transaction: committed whole, or rolled back and its failure rethrown. */
public final class Transactions {

  /** Statements that run in the transaction. */
  @FunctionalInterface
  public interface Work {
    void run() throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} in one transaction and commits it; on a failure rolls it back and rethrows.
   * The connection's auto-commit setting is restored either way.
   */
  public static void inOne(Connection c, Work work) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      work.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
