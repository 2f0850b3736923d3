package org.datenraum.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.datenraum.core.Coding;

/**
 * Counts by plain scans of a DuckDB site store's tables: the consistency check after a load and
 * the scan that the feasibility index is measured against. Stateless.
 */
public final class FactScans {

  private FactScans() {}

  /**
   * Rows that refer to something the store does not hold: facts without their resource or
   * patient, resources without their patient. 0 in a consistent store.
   */
  public static long danglingRows(DuckDbSiteStore store) {
    return store.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT (SELECT count(*) FROM fact f WHERE NOT EXISTS"
              + " (SELECT 1 FROM resource r WHERE r.id = f.resource_id))"
              + " + (SELECT count(*) FROM fact f WHERE NOT EXISTS"
              + " (SELECT 1 FROM patient p WHERE p.num = f.patient))"
              + " + (SELECT count(*) FROM resource r WHERE r.patient IS NOT NULL AND NOT EXISTS"
              + " (SELECT 1 FROM patient p WHERE p.num = r.patient))")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Patients with an Observation of this code whose value in {@code unit} exceeds {@code above}. */
  public static long patientsAbove(DuckDbSiteStore store, Coding code, double above, String unit) {
    return store.withConnection(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT patient) FROM fact"
          + " WHERE resource_type = 'Observation' AND system = ? AND code = ? AND value_num > ?"
          + " AND unit = ?")) {
        s.setString(1, code.system());
        s.setString(2, code.code());
        s.setDouble(3, above);
        s.setString(4, unit);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }
}
