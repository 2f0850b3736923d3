package org.datenraum.store.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.datenraum.core.CodeSystems;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.datenraum.surveillance.syndromic.LabResult;
import org.datenraum.surveillance.syndromic.PathogenDefinition;
import org.datenraum.surveillance.syndromic.SyndromicRecords;

/**
 * The syndromic records of a DuckDB site store, read from its fact table: an ED visit is an
 * Encounter fact of class EMER (ActCode), its complaints the CEDIS codes of its {@code reasonCode}
 * attributes, its diagnoses the ICD-10-GM Condition facts that carry its encounter pseudonym; the
 * admission is an Encounter of class IMP of the same patient whose
 * {@code hospitalization.admitSource} attribute has the code {@code N}. Times are stored in UTC
 * and become days in the zone. Immutable; the store serialises the queries.
 */
public final class DuckDbSyndromicRecords implements SyndromicRecords {

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String VALID = "(f.status IS NULL OR f.status NOT IN"
      + " ('entered-in-error', 'cancelled'))";
  /** The attribute line {@code hospitalization.admitSource=SYSTEM|N}, code N exactly. */
  private static final String FROM_ED = "regexp_matches(f.attributes,"
      + " '(^|\\n)hospitalization\\.admitSource=[^\\n|]*\\|N(\\n|$)')";

  private static final String VISITS = """
      WITH ed AS (
        SELECT f.encounter, min(f.patient) AS patient, min(f.start_time) AS arrival,
               max(coalesce(f.end_time, f.start_time)) AS departure,
               string_agg(f.attributes, chr(10)) AS attributes
        FROM fact f
        WHERE f.resource_type = 'Encounter' AND f.system = ? AND f.code = 'EMER'
          AND f.start_time IS NOT NULL AND f.encounter IS NOT NULL AND %1$s
        GROUP BY f.encounter),
      dx AS (
        SELECT r.encounter, string_agg(DISTINCT f.code, ',') AS codes
        FROM fact_row r JOIN fact_kind f ON f.id = r.kind
        WHERE f.resource_type = 'Condition' AND f.system = ? AND r.encounter IS NOT NULL AND %1$s
        GROUP BY r.encounter),
      adm AS (
        SELECT DISTINCT ed.encounter
        FROM ed JOIN fact f ON f.patient = ed.patient
        WHERE f.resource_type = 'Encounter' AND f.system = ? AND f.code = 'IMP' AND %1$s
          AND %2$s
          AND f.start_time >= ed.arrival
          AND f.start_time <= ed.departure + INTERVAL %3$d HOUR)
      SELECT ed.arrival, ed.attributes, dx.codes, adm.encounter IS NOT NULL,
             p.birth_year, p.birth_month
      FROM ed
      LEFT JOIN dx ON dx.encounter = ed.encounter
      LEFT JOIN adm ON adm.encounter = ed.encounter
      LEFT JOIN patient p ON p.num = ed.patient
      """.formatted(VALID, FROM_ED, ADMISSION_HOURS);

  private static final String RESULTS = """
      SELECT f.patient, f.start_time, f.code, f.value_system, f.value_code, f.attributes,
             p.birth_year, p.birth_month
      FROM fact f LEFT JOIN patient p ON p.num = f.patient
      WHERE f.resource_type = 'Observation' AND f.system = ? AND f.start_time IS NOT NULL
        AND %s AND list_contains(?, f.code)
      """.formatted(VALID);

  private final DuckDbSiteStore store;
  private final ZoneId zone;

  private DuckDbSyndromicRecords(DuckDbSiteStore store, ZoneId zone) {
    this.store = requireNonNull(store, "store");
    this.zone = requireNonNull(zone, "zone");
  }

  /** The records of the store with days in {@code zone}. */
  public static DuckDbSyndromicRecords of(DuckDbSiteStore store, ZoneId zone) {
    return new DuckDbSyndromicRecords(store, zone);
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public List<EdVisit> visits() {
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
                CodedAttributes.complaints(rs.getString(2)), rs.getBoolean(4)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<LabResult> results(List<PathogenDefinition> pathogens) {
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
                CodedAttributes.codes(rs.getString(6), "interpretation")));
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
    return OptionalInt.of(Period.between(birth, day).getYears());
  }

  private static Set<String> codes(String list) {
    return list == null ? Set.of() : Set.of(list.split(","));
  }
}
