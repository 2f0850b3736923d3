package org.datenraum.store.duckdb.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** A batch's rows besides its resources and facts: patients, identifier links and quarantine entries. */
final class SideRows {

  private SideRows() {}

  /** Appends a patient's row: number, pseudonym, birth year and month, sex, deceased. */
  static void patient(DuckDBAppender a, int num, PatientRecord p) throws SQLException {
    a.beginRow().append(num).append(p.pseudonym());
    if (p.birth() == null) {
      a.appendNull().appendNull();
    } else {
      a.append((short) p.birth().getYear()).append((byte) p.birth().getMonthValue());
    }
    a.append(p.sex().code()).append(p.deceased()).endRow();
  }

  /** Replaces the links of the identifiers' pseudonyms to their patients. */
  static void links(DuckDBConnection c, Map<String, String> identifiers) throws SQLException {
    if (identifiers.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM patient_identifier WHERE identifier IN (SELECT unnest(?::VARCHAR[]))")) {
      ps.setArray(1, c.createArrayOf("VARCHAR", identifiers.keySet().toArray(new String[0])));
      ps.executeUpdate();
    }
    try (DuckDBAppender a = c.createAppender("patient_identifier")) {
      for (Map.Entry<String, String> e : identifiers.entrySet()) {
        a.beginRow().append(e.getKey()).append(e.getValue()).endRow();
      }
    }
  }

  /** Appends the quarantine entries, rejected at {@code now} (UTC). */
  static void quarantine(DuckDBConnection c, List<QuarantineEntry> entries, LocalDateTime now)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (DuckDBAppender a = c.createAppender("quarantine")) {
      for (QuarantineEntry q : entries) {
        a.beginRow().append(q.file()).append(q.location());
        FactCodec.text(a, q.resourceType());
        FactCodec.text(a, q.resourceId());
        a.append(q.problem().code()).append(q.problem().category().name())
            .append(q.problem().message()).append(now).endRow();
      }
    }
  }
}
