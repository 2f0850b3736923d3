package org.datenraum.app.surveillance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.datenraum.core.CodeSystems;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.datenraum.surveillance.syndromic.LabResult;
import org.datenraum.surveillance.syndromic.PathogenDefinition;

/**
 * Reads emergency department visits and microbiology results from a site store's fact table.
 * An ED visit is an Encounter fact of class EMER; its complaints are the CEDIS codes of its
 * {@code reasonCode} attributes, its diagnoses the ICD-10-GM Condition facts that carry its
 * encounter pseudonym, and it counts as admitted when an inpatient Encounter (class IMP) of the
 * same patient with admission reason {@code N} (Notfall) starts between the ED arrival and
 * {@value #ADMISSION_HOURS} hours after the ED departure. Times are stored in UTC and become
 * calendar days in {@code zone}. Records with status entered-in-error or cancelled are left out.
 * Immutable; the store serialises the queries.
 */
final class SiteSurveillanceReader {

  static final int ADMISSION_HOURS = 24;
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String VALID = "(f.status IS NULL OR f.status NOT IN"
      + " ('entered-in-error', 'cancelled'))";

  private static final String VISITS = """
      WITH ed AS (
        SELECT f.encounter, min(f.patient) AS patient, min(f.start_time) AS arrival,
               max(coalesce(f.end_time, f.start_time)) AS departure,
               string_agg(f.attributes, chr(10)) AS attributes
        FROM fact f
        WHERE f.resource_type = 'Encounter' AND f.system = ? AND f.code = 'EMER'
          AND f.start_time IS NOT NULL AND f.encounter IS NOT NULL AND %s
        GROUP BY f.encounter),
      dx AS (
        SELECT f.encounter, string_agg(DISTINCT f.code, ',') AS codes
        FROM fact f
        WHERE f.resource_type = 'Condition' AND f.system = ? AND f.encounter IS NOT NULL AND %s
        GROUP BY f.encounter),
      adm AS (
        SELECT DISTINCT ed.encounter
        FROM ed JOIN fact f ON f.patient = ed.patient
        WHERE f.resource_type = 'Encounter' AND f.system = ? AND f.code = 'IMP' AND %s
          AND f.attributes LIKE '%%hospitalization.admitSource=%%|N%%'
          AND f.start_time >= ed.arrival
          AND f.start_time <= ed.departure + INTERVAL %d HOUR)
      SELECT ed.arrival, ed.attributes, dx.codes, adm.encounter IS NOT NULL,
             p.birth_year, p.birth_month
      FROM ed
      LEFT JOIN dx ON dx.encounter = ed.encounter
      LEFT JOIN adm ON adm.encounter = ed.encounter
      LEFT JOIN patient p ON p.num = ed.patient
      """.formatted(VALID, VALID, VALID, ADMISSION_HOURS);

  private static final String RESULTS = """
      SELECT f.patient, f.start_time, f.code, f.value_system, f.value_code, f.attributes,
             p.birth_year, p.birth_month
      FROM fact f LEFT JOIN patient p ON p.num = f.patient
      WHERE f.resource_type = 'Observation' AND f.system = ? AND f.start_time IS NOT NULL
        AND %s AND list_contains(?, f.code)
      """.formatted(VALID);

  private final DuckDbSiteStore store;
  private final ZoneId zone;

  SiteSurveillanceReader(DuckDbSiteStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  List<EdVisit> visits() {
    return store.withConnection(c -> {
      List<EdVisit> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(VISITS)) {
        s.setString(1, ACT_CODE);
        s.setString(2, CodeSystems.ICD10_GM);
        s.setString(3, ACT_CODE);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            LocalDate day = day(rs.getTimestamp(1));
            out.add(new EdVisit(day, age(rs, 5, day), codes(rs.getString(3)),
                complaints(rs.getString(2)), rs.getBoolean(4)));
          }
        }
      }
      return out;
    });
  }

  List<LabResult> results(List<PathogenDefinition> pathogens) {
    Set<String> loinc = new TreeSet<>();
    pathogens.forEach(p -> loinc.addAll(p.loinc()));
    return store.withConnection(c -> {
      List<LabResult> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(RESULTS)) {
        s.setString(1, CodeSystems.LOINC);
        s.setObject(2, array(c, loinc));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            LocalDate day = day(rs.getTimestamp(2));
            String value = rs.getString(5) == null ? ""
                : (rs.getString(4) == null ? "" : rs.getString(4)) + "|" + rs.getString(5);
            out.add(new LabResult(rs.getInt(1), day, age(rs, 7, day), rs.getString(3), value,
                attributeCodes(rs.getString(6), "interpretation")));
          }
        }
      }
      return out;
    });
  }

  private static java.sql.Array array(Connection c, Set<String> values) throws SQLException {
    return c.createArrayOf("VARCHAR", values.toArray());
  }

  private LocalDate day(Timestamp utc) {
    return utc.toLocalDateTime().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
  }

  /** Completed years from the first day of the birth month, as the feasibility query counts. */
  private static OptionalInt age(ResultSet rs, int column, LocalDate day) throws SQLException {
    int year = rs.getInt(column);
    if (rs.wasNull()) {
      return OptionalInt.empty();
    }
    int month = rs.getInt(column + 1);
    LocalDate birth = LocalDate.of(year, rs.wasNull() || month < 1 || month > 12 ? 1 : month, 1);
    if (birth.isAfter(day)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(java.time.Period.between(birth, day).getYears());
  }

  private static Set<String> codes(String list) {
    return list == null ? Set.of() : Set.of(list.split(","));
  }

  /** CEDIS codes of the {@code reasonCode} attributes (any code system whose URL names CEDIS). */
  static Set<String> complaints(String attributes) {
    Set<String> out = new HashSet<>();
    if (attributes == null) {
      return out;
    }
    for (String line : attributes.split("\n")) {
      if (!line.startsWith("reasonCode=")) {
        continue;
      }
      String coding = line.substring("reasonCode=".length());
      int bar = coding.lastIndexOf('|');
      if (bar > 0 && coding.substring(0, bar).toLowerCase(java.util.Locale.ROOT).contains("cedis")) {
        out.add(coding.substring(bar + 1));
      }
    }
    return out;
  }

  /** Codes (after the last {@code |}) of the attributes with this key. */
  static Set<String> attributeCodes(String attributes, String key) {
    Set<String> out = new HashSet<>();
    if (attributes == null) {
      return out;
    }
    for (String line : attributes.split("\n")) {
      if (line.startsWith(key + "=")) {
        out.add(line.substring(line.lastIndexOf('|') + 1));
      }
    }
    return out;
  }
}
