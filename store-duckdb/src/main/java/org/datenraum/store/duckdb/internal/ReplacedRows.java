package org.datenraum.store.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.roaringbitmap.RoaringBitmap;

/** Removes the stored versions of resources a batch replaces, inside the batch's transaction. */
final class ReplacedRows {

  /** The types whose own codes the writer keeps in {@code medication_code}. */
  private static final Set<String> CODED_TYPES = Set.of("Medication", "ResearchStudy", "Location");

  private ReplacedRows() {}

  /**
   * Removes the stored versions of the batch's resources that the key index may hold (all of them
   * while it is not read), and returns the keys that were stored. Only those keys are looked up:
   * one scan of the resource table's keys finds them and their row ids, by which they are deleted,
   * and one of the fact table's resource ids deletes their facts.
   */
  static Set<ResourceKey> remove(DuckDBConnection c, List<ResourceRecord> upserts, BitSet maybe,
      RoaringBitmap touched) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE batch_key (type VARCHAR, id VARCHAR)");
    }
    try (DuckDBAppender a = c.createAppender("temp", "main", "batch_key")) {
      for (int i = maybe.nextSetBit(0); i >= 0; i = maybe.nextSetBit(i + 1)) {
        ResourceKey k = upserts.get(i).key();
        a.beginRow().append(k.type()).append(k.id()).endRow();
      }
    }
    Set<ResourceKey> stored = new HashSet<>();
    StringBuilder rows = new StringBuilder();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE stored_key AS SELECT r.rowid AS row_id, r.type,"
          + " r.id, r.patient FROM resource r JOIN batch_key k ON r.id = k.id AND r.type = k.type");
      try (ResultSet rs = s.executeQuery("SELECT row_id, type, id, patient FROM stored_key")) {
        while (rs.next()) {
          rows.append(rows.isEmpty() ? "" : ",").append(rs.getLong(1));
          stored.add(new ResourceKey(rs.getString(2), rs.getString(3)));
          int patient = rs.getInt(4);
          if (!rs.wasNull()) {
            touched.add(patient);
          }
        }
      }
      if (!stored.isEmpty()) {
        // Row ids are stable within the transaction: a join that deletes costs several scans.
        s.execute("DELETE FROM resource WHERE rowid IN (" + rows + ")");
        deleteDependents(s, stored);
      }
    }
    return stored;
  }

  /** Deletes what belongs to the replaced resources in {@code stored_key}. */
  private static void deleteDependents(Statement s, Set<ResourceKey> stored) throws SQLException {
    s.execute("DELETE FROM fact_row WHERE resource_id IN (SELECT id FROM stored_key)");
    if (stored.stream().anyMatch(k -> k.type().equals("Patient"))) {
      s.execute("DELETE FROM patient WHERE pseudonym IN"
          + " (SELECT id FROM stored_key WHERE type = 'Patient')");
    }
    if (stored.stream().anyMatch(k -> CODED_TYPES.contains(k.type()))) {
      s.execute("DELETE FROM medication_code WHERE medication IN"
          + " (SELECT id FROM stored_key WHERE type IN ('Medication', 'ResearchStudy', 'Location'))");
    }
  }
}
