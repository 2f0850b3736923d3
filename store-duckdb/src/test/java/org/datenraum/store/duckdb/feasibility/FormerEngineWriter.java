package org.datenraum.store.duckdb.feasibility;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * Writes a site store in a process of its own, run by {@link FormerEngineStoreIT} with the former
 * DuckDB engine on its class path: random facts, a saved feasibility index, then changes that
 * leave an index delta. Prints the engine's version.
 */
public final class FormerEngineWriter {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final LocalDate DATE = LocalDate.of(2025, 6, 15);
  static final long SEED = 5;

  private FormerEngineWriter() {}

  public static void main(String[] args) throws SQLException {
    write(Path.of(args[0]));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      System.out.println("engine " + rs.getString(1));
    }
  }

  /** The same store contents whichever engine runs this. */
  static void write(Path file) {
    RandomFacts data = new RandomFacts(SEED);
    RandomPlans plans = new RandomPlans(SEED * 31);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(60, 500));
      DuckDbFeasibilityExecutor.of(store).count(plans.plan(), DATE);
      store.write(data.changes());
    }
  }
}
