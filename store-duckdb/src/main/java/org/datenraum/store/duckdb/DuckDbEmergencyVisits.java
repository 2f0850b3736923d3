package org.datenraum.store.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Sex;
import org.datenraum.registry.emergency.EmergencyVisit;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.datenraum.registry.emergency.VisitParts;
import org.datenraum.store.duckdb.internal.FactCodec;

/**
 * The emergency visits admitted in a month, one row per visit chosen by the database with the rules
 * {@link VisitParts} applies to facts one by one (the order stored is the table's row order): the
 * Encounter fact of class EMER starting in the month (the last stored of an encounter), and of the
 * encounter's other facts the triage (earliest time, then first stored), the last physician
 * contact, transport and leading diagnosis, every isolation reason, the organisms, whether an
 * isolation was done, and the patient's sex and birth month. The JDBC driver's strings and times
 * cost more than the report's figures, so a visit comes as one row with times as epoch microseconds
 * instead of its nine or more facts. Immutable; the store serialises the queries.
 */
public final class DuckDbEmergencyVisits {

  private static final String LOINC = CodeSystems.LOINC;
  private static final String TRIAGE = "f.system = '" + LOINC + "' AND f.code = '11283-9' AND f.value_system IS NOT NULL"
      + " AND (f.value_system LIKE '%emergencyseverityindex%' OR f.value_system LIKE '%manchestertriage%')"
      + " AND f.value_code IN ('1', '2', '3', '4', '5')";
  private static final String TRIAGE_ORDER = " ORDER BY r.start_time ASC NULLS LAST, r.rowid) FILTER (WHERE " + TRIAGE + ")";
  private static final String PATHOGEN = "f.resource_type = 'Condition' AND f.system = 'urn:oid:1.2.276.0.76.5.441'";
  private static final String REFUTED = "coalesce(regexp_matches(s.attributes,"
      + " '(^|\\n)verificationStatus=[^\\n]*\\|refuted(\\n|$)'), false)";

  private static final String QUERY = """
      WITH v AS (
        SELECT e.encounter, e.patient, e.start_time, e.end_time, s.attributes FROM (
          SELECT encounter, patient, start_time, end_time, attribute_set FROM fact_row
          WHERE kind IN (SELECT id FROM fact_kind WHERE resource_type = 'Encounter' AND system = ? AND code = ?)
            AND start_time >= ? AND start_time < ? AND encounter IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY encounter ORDER BY rowid DESC) = 1) e
        LEFT JOIN attribute_set s ON s.id = e.attribute_set),
      o AS (
        SELECT r.encounter,
          first(CASE WHEN f.value_system LIKE '%%emergencyseverityindex%%' THEN 'ESI' ELSE 'MTS' END %1$s AS scale,
          first(TRY_CAST(f.value_code AS INTEGER) %1$s AS level,
          first(epoch_us(r.start_time) %1$s AS triage_time,
          last(epoch_us(r.start_time) ORDER BY r.rowid)
            FILTER (WHERE f.system = 'urn:datenraum:ed' AND f.code = 'physician-contact') AS physician,
          last(f.value_code ORDER BY r.rowid)
            FILTER (WHERE f.system = '%2$s' AND f.code = '11459-5' AND f.value_system IS NOT NULL) AS transport,
          last(f.code ORDER BY r.rowid) FILTER (WHERE f.resource_type = 'Condition' AND f.system = '%3$s'
            AND coalesce(regexp_matches(s.attributes, '(^|\\n)diagnosis\\.rank=[^\\n]*\\|1(\\n|$)'), false)) AS diagnosis,
          list(f.value_code ORDER BY r.rowid)
            FILTER (WHERE f.system = '%2$s' AND f.code = '44100-6' AND f.value_system IS NOT NULL) AS reasons,
          list(f.code ORDER BY r.rowid) FILTER (WHERE %4$s AND NOT %5$s) AS pathogens,
          bool_or(true) FILTER (WHERE %4$s AND %5$s) AS no_pathogen,
          bool_or(true) FILTER (WHERE f.resource_type = 'Procedure' AND (f.system = '%6$s' AND f.code = 'ISO'
            OR f.system = '%7$s' AND f.code = '40174006') AND (f.status IS NULL OR f.status <> 'not-done')) AS isolated
        FROM fact_row r JOIN fact_kind f ON f.id = r.kind LEFT JOIN attribute_set s ON s.id = r.attribute_set
        WHERE r.encounter IN (SELECT encounter FROM v)
          AND NOT (f.resource_type = 'Encounter' AND f.system = ? AND f.code = ? AND r.start_time IS NOT NULL)
        GROUP BY r.encounter)
      SELECT epoch_us(v.start_time), epoch_us(v.end_time), v.attributes, o.scale, o.level, o.triage_time,
        o.physician, o.transport, o.diagnosis, o.reasons, o.pathogens, o.no_pathogen, o.isolated,
        p.sex, p.birth_year, p.birth_month%8$s
      FROM v LEFT JOIN o ON o.encounter = v.encounter LEFT JOIN patient p ON p.num = v.patient
      ORDER BY v.start_time""";
  private static final String ISOLATION = "urn:oid:1.2.276.0.76.3.1.195.5.54";
  private static final String VISITS = QUERY.formatted(TRIAGE_ORDER, LOINC, CodeSystems.ICD10_GM, PATHOGEN, REFUTED,
      ISOLATION, CodeSystems.SNOMED, "");
  private static final String KEYED = QUERY.formatted(TRIAGE_ORDER, LOINC, CodeSystems.ICD10_GM, PATHOGEN, REFUTED,
      ISOLATION, CodeSystems.SNOMED, ", v.encounter, p.pseudonym");

  private final DuckDbSiteStore store;

  private DuckDbEmergencyVisits(DuckDbSiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  public static DuckDbEmergencyVisits of(DuckDbSiteStore store) {
    return new DuckDbEmergencyVisits(store);
  }

  /** The visits admitted in {@code month} (UTC, the times as documented), by admission. */
  public List<EmergencyVisit> admittedIn(YearMonth month) {
    List<EmergencyVisit> out = new ArrayList<>();
    read(VISITS, month, rs -> out.add(visit(rs)));
    out.sort(Comparator.comparing(v -> v.times().admission()));
    return out;
  }

  /** The same visits with their encounter's and patient's pseudonyms, by encounter pseudonym. */
  public Map<String, EmergencyVisits.Keyed> keyedAdmittedIn(YearMonth month) {
    Map<String, EmergencyVisits.Keyed> out = new HashMap<>();
    read(KEYED, month, rs -> out.put(rs.getString(17), new EmergencyVisits.Keyed(rs.getString(17),
        rs.getString(18), visit(rs))));
    return out;
  }

  /** Something done with each row of a query. */
  private interface RowSink {
    void accept(ResultSet rs) throws SQLException;
  }

  private void read(String query, YearMonth month, RowSink sink) {
    store.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(query)) {
        ps.setString(1, EmergencyVisits.VISIT.system());
        ps.setString(2, EmergencyVisits.VISIT.code());
        ps.setObject(3, LocalDateTime.ofInstant(EmergencyVisits.start(month), ZoneOffset.UTC));
        ps.setObject(4, LocalDateTime.ofInstant(EmergencyVisits.start(month.plusMonths(1)), ZoneOffset.UTC));
        ps.setString(5, EmergencyVisits.VISIT.system());
        ps.setString(6, EmergencyVisits.VISIT.code());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(rs);
          }
        }
      }
      return null;
    });
  }

  private static EmergencyVisit visit(ResultSet rs) throws SQLException {
    VisitParts p = new VisitParts();
    for (Attribute a : FactCodec.parseAttributes(rs.getString(3))) {
      p.encounterAttribute(a);
    }
    String scale = rs.getString(4);
    if (scale != null) {
      p.triage(scale, rs.getInt(5), instant(rs, 6));
    }
    p.physician(instant(rs, 7));
    if (rs.getString(8) != null) {
      p.transport(rs.getString(8));
    }
    if (rs.getString(9) != null) {
      p.diagnosis(rs.getString(9));
    }
    for (String r : strings(rs.getArray(10))) {
      p.reason(r);
    }
    for (String o : strings(rs.getArray(11))) {
      p.pathogen(o, false);
    }
    if (rs.getBoolean(12)) {
      p.pathogen("", true);
    }
    if (rs.getBoolean(13)) {
      p.isolated();
    }
    int year = rs.getInt(15);
    YearMonth birth = rs.wasNull() ? null : YearMonth.of(year, rs.getInt(16));
    return p.visit(instant(rs, 1), instant(rs, 2), Sex.ofCode(rs.getString(14)), birth);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long us = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
  }

  private static List<String> strings(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) a.getArray()) {
      out.add((String) o);
    }
    return out;
  }
}
