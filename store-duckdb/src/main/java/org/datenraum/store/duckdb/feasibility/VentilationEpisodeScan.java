package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.VentilationEpisodes;
import org.datenraum.store.duckdb.internal.FactCodec;
import org.roaringbitmap.RoaringBitmap;

/**
 * The patients with an invasive ventilation episode that passes a criterion: reads the ventilation
 * Procedure facts (category SNOMED CT 40617009) of all patients, ordered by patient, and bridges
 * them per patient as {@link VentilationEpisodes} does for the reference evaluator. Stateless.
 */
final class VentilationEpisodeScan {

  private static final String SQL = """
      SELECT patient, resource_id, system, code, start_time, end_time, status, attributes
      FROM fact
      WHERE resource_type = 'Procedure' AND start_time IS NOT NULL AND attributes LIKE ?
      ORDER BY patient""";

  private VentilationEpisodeScan() {}

  static RoaringBitmap patients(Connection c, PatientPredicate.VentilationEpisode q)
      throws SQLException {
    RoaringBitmap out = new RoaringBitmap();
    Coding category = VentilationEpisodes.CATEGORY;
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, "%category=" + category.system() + "|" + category.code() + "%");
      try (ResultSet rs = ps.executeQuery()) {
        int current = -1;
        List<Fact> facts = new ArrayList<>();
        while (rs.next()) {
          int patient = rs.getInt(1);
          if (patient != current) {
            decide(current, facts, q, out);
            facts = new ArrayList<>();
            current = patient;
          }
          facts.add(new Fact(Integer.toString(patient), null, "Procedure", rs.getString(2),
              new Coding(rs.getString(3), rs.getString(4)),
              instant(rs.getObject(5, LocalDateTime.class)),
              instant(rs.getObject(6, LocalDateTime.class)), null, rs.getString(7),
              FactCodec.parseAttributes(rs.getString(8))));
        }
        decide(current, facts, q, out);
      }
    }
    return out;
  }

  private static void decide(int patient, List<Fact> facts, PatientPredicate.VentilationEpisode q,
      RoaringBitmap out) {
    if (patient >= 0 && VentilationEpisodes.any(VentilationEpisodes.of(facts), q)) {
      out.add(patient);
    }
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
