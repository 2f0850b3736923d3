package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.datenraum.store.PatientNumbering;
import org.roaringbitmap.RoaringBitmap;

/**
 * The pseudonyms of the stored patients by patient number, to turn a cohort bitmap into
 * pseudonyms. Immutable after {@link #load}; thread-safe to read.
 */
final class PatientNames {

  private final PatientNumbering numbering;

  private PatientNames(String[] byNumber) {
    this.numbering = PatientNumbering.of(byNumber);
  }

  static PatientNames load(Connection c) throws SQLException {
    String[] names = new String[0];
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT num, pseudonym FROM patient")) {
      while (rs.next()) {
        int num = rs.getInt(1);
        if (num >= names.length) {
          names = Arrays.copyOf(names, Math.max(num + 1, names.length * 2));
        }
        names[num] = rs.getString(2);
      }
    }
    return new PatientNames(names);
  }

  /** The same numbers as a numbering for callers outside the index. */
  PatientNumbering numbering() {
    return numbering;
  }

  /** The pseudonyms of the patients in the bitmap; every number in it must be a stored patient. */
  Set<String> of(RoaringBitmap patients) {
    Set<String> out = new HashSet<>(Math.max(16, (int) (patients.getLongCardinality() * 4 / 3 + 1)));
    patients.forEach((int num) -> out.add(numbering.pseudonym(num)));
    return Collections.unmodifiableSet(out);
  }
}
