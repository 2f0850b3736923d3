package org.datenraum.store.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.registry.icu.IcuFactSelection;
import org.datenraum.registry.icu.IcuFacts;
import org.datenraum.registry.icu.PatientFacts;
import org.datenraum.store.duckdb.internal.FactCodec;

/**
 * The facts the intensive care indicators read, from a DuckDB site store's fact table: only
 * patients with an Encounter fact that may mark an ICU stay (a Fachabteilungsschlüssel attribute
 * starting {@code 36}, the Kontaktart {@code intensivstationaer}, the RoleCode {@code ICU} or
 * {@code PEDICU}, {@code PEDNICU}, or a location entry referring to a Location with such a type;
 * the registry decides exactly, with every Location's type codes read when the report runs, so
 * that Locations and Encounters may arrive in any order), and of them only the facts
 * {@link IcuFactSelection} names, with numeric values. The many hourly Observation and
 * MedicationAdministration facts are read as numbers only (code and unit as indexes into lists
 * read once, times as epoch milliseconds), since the JDBC driver's strings cost more than the rest
 * of the report: they come without resource id (empty), encounter, status and attributes, and
 * those entered in error, cancelled or not done, or with a comparator, are left out by the query.
 * Immutable; the store serialises the queries.
 */
public final class DuckDbIcuFacts implements IcuFacts {

  /** Every Location's type codes, keyed by the reference {@code Location/id}. */
  private static final String LOCATIONS = """
      SELECT 'Location/' || m.medication AS ref, m.system, m.code FROM medication_code m
      WHERE m.medication IN (SELECT id FROM resource WHERE type = 'Location')""";

  private static final String ICU_PATIENTS = """
      SELECT DISTINCT patient FROM fact
      WHERE resource_type = 'Encounter' AND (code IN ('intensivstationaer', 'ICU', 'PEDICU', 'PEDNICU')
        OR attributes LIKE '%Fachabteilungsschluessel%|36%'
        OR attributes LIKE '%v3-RoleCode|ICU%' OR attributes LIKE '%v3-RoleCode|PEDICU%'
        OR attributes LIKE '%v3-RoleCode|PEDNICU%'
        OR system = 'urn:datenraum:reference' AND code IN (SELECT l.ref FROM (""" + LOCATIONS + """
       ) l WHERE l.code IN ('ICU', 'PEDICU', 'PEDNICU')
            OR l.system LIKE '%Fachabteilungsschluessel%' AND l.code LIKE '36%'))""";

  private static final String FEW = """
      SELECT f.patient, f.encounter, f.resource_type, f.resource_id, f.system, f.code,
             f.start_time, f.end_time, f.value_num, f.unit, f.comparator, f.status, f.attributes
      FROM fact f
      WHERE f.patient IN (%s) AND (
        f.resource_type = 'Encounter'
        OR f.resource_type = 'Procedure' AND (f.attributes LIKE '%%category=%s|%s%%'
            OR f.system = '%s' AND f.code = '%s')
        OR f.resource_type = 'Condition' AND f.system = '%s' AND f.code LIKE '%s%%')""";

  /** The units of the kinds of facts (a kind no fact has any more adds a unit no row names). */
  private static final String UNITS = """
      SELECT DISTINCT d.unit FROM fact_kind d
      WHERE d.resource_type IN ('Observation', 'MedicationAdministration') AND d.unit IS NOT NULL
      ORDER BY 1""";

  private static final String MANY = """
      SELECT f.patient, k.idx, coalesce(list_position(?, k.unit), 0), epoch_ms(f.start_time),
             epoch_ms(f.end_time) - epoch_ms(f.start_time), f.value_num
      FROM fact_row f JOIN (
        SELECT k.idx, d.id, d.unit FROM fact_kind d JOIN (VALUES %s) k(idx, type, system, code)
          ON d.resource_type = k.type AND d.system = k.system AND d.code = k.code
        WHERE d.comparator IS NULL
          AND (d.status IS NULL OR d.status NOT IN ('entered-in-error', 'cancelled', 'not-done'))) k
        ON k.id = f.kind
      WHERE f.patient IN (%s) AND f.start_time IS NOT NULL
      ORDER BY f.patient""";

  private final DuckDbSiteStore store;

  private DuckDbIcuFacts(DuckDbSiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  public static DuckDbIcuFacts of(DuckDbSiteStore store) {
    return new DuckDbIcuFacts(store);
  }

  @Override
  public void forEachPatient(Consumer<PatientFacts> sink) {
    store.withConnection(c -> {
      Map<Integer, PatientRecord> patients = patients(c);
      if (patients.isEmpty()) {
        return null;
      }
      Map<Integer, List<Fact>> few = few(c, patients);
      Map<String, List<Coding>> locations = locations(c);
      List<String> units = units(c);
      List<Fact> kinds = kinds();
      try (PreparedStatement s = c.prepareStatement(MANY.formatted(values(kinds), ICU_PATIENTS))) {
        s.setObject(1, c.createArrayOf("VARCHAR", units.toArray()));
        try (ResultSet rs = s.executeQuery()) {
          int current = -1;
          List<Fact> facts = new ArrayList<>();
          while (rs.next()) {
            int patient = rs.getInt(1);
            if (patient != current && current >= 0) {
              emit(sink, patients.get(current), few.remove(current), facts, locations);
              facts = new ArrayList<>();
            }
            current = patient;
            facts.add(many(rs, patients.get(patient).pseudonym(), kinds, units));
          }
          if (current >= 0) {
            emit(sink, patients.get(current), few.remove(current), facts, locations);
          }
        }
      }
      few.forEach((p, list) -> emit(sink, patients.get(p), list, List.of(), locations));
      return null;
    });
  }

  private static void emit(Consumer<PatientFacts> sink, PatientRecord p, List<Fact> few,
      List<Fact> many, Map<String, List<Coding>> locations) {
    if (few == null) {
      return; // every patient of ICU_PATIENTS has Encounter facts among the few
    }
    List<Fact> all = new ArrayList<>(few.size() + many.size());
    all.addAll(few);
    all.addAll(many);
    sink.accept(PatientFacts.referring(p, all, locations));
  }

  private static Map<Integer, List<Fact>> few(Connection c, Map<Integer, PatientRecord> patients)
      throws SQLException {
    Map<Integer, List<Fact>> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(fewSql())) {
      while (rs.next()) {
        int p = rs.getInt(1);
        out.computeIfAbsent(p, k -> new ArrayList<>()).add(fact(rs, patients.get(p).pseudonym()));
      }
    }
    return out;
  }

  private static Map<String, List<Coding>> locations(Connection c) throws SQLException {
    Map<String, List<Coding>> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LOCATIONS)) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new Coding(rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }

  private static List<String> units(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(UNITS)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** One template fact per wanted Observation or MedicationAdministration code, by index. */
  private static List<Fact> kinds() {
    List<Fact> out = new ArrayList<>();
    for (Coding code : IcuFactSelection.measureCodes()) {
      out.add(new Fact("-", null, "Observation", "", code, null, null, null, null, List.of()));
    }
    for (Coding code : IcuFactSelection.drugCodes()) {
      out.add(new Fact("-", null, "MedicationAdministration", "", code, null, null, null, null,
          List.of()));
    }
    return out;
  }

  private static String values(List<Fact> kinds) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      Fact k = kinds.get(i);
      rows.add("(" + i + ", '" + k.resourceType() + "', '" + k.code().system() + "', '"
          + k.code().code() + "')");
    }
    return String.join(", ", rows);
  }

  private static Fact many(ResultSet rs, String pseudonym, List<Fact> kinds, List<String> units)
      throws SQLException {
    Fact kind = kinds.get(rs.getInt(2));
    int unit = rs.getInt(3);
    long start = rs.getLong(4);
    long duration = rs.getLong(5);
    boolean open = rs.wasNull();
    double num = rs.getDouble(6);
    FactValue value = rs.wasNull() ? null
        : new FactValue.Quantity(num, unit == 0 ? null : units.get(unit - 1), null);
    Instant at = Instant.ofEpochMilli(start);
    return new Fact(pseudonym, null, kind.resourceType(), "", kind.code(), at,
        open ? null : duration == 0 ? at : Instant.ofEpochMilli(start + duration), value, null,
        List.of());
  }

  private static Map<Integer, PatientRecord> patients(Connection c) throws SQLException {
    Map<Integer, PatientRecord> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT num, pseudonym, birth_year, birth_month, sex, deceased FROM patient"
            + " WHERE num IN (" + ICU_PATIENTS + ")")) {
      while (rs.next()) {
        int year = rs.getInt(3);
        YearMonth birth = rs.wasNull() ? null : YearMonth.of(year, Math.max(1, rs.getInt(4)));
        out.put(rs.getInt(1), new PatientRecord(rs.getString(2), birth,
            Sex.ofCode(rs.getString(5)), rs.getBoolean(6)));
      }
    }
    return out;
  }

  private static Fact fact(ResultSet rs, String pseudonym) throws SQLException {
    double num = rs.getDouble(9);
    FactValue value = rs.wasNull() ? null
        : new FactValue.Quantity(num, rs.getString(10), rs.getString(11));
    List<Attribute> attributes = FactCodec.parseAttributes(rs.getString(13));
    return new Fact(pseudonym, rs.getString(2), rs.getString(3), rs.getString(4),
        new Coding(rs.getString(5), rs.getString(6)), instant(rs.getObject(7, LocalDateTime.class)),
        instant(rs.getObject(8, LocalDateTime.class)), value, rs.getString(12), attributes);
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static String fewSql() {
    Coding category = IcuFactSelection.VENTILATION_CATEGORY;
    Coding prone = IcuFactSelection.PRONE_POSITION;
    return FEW.formatted(ICU_PATIENTS, category.system(), category.code(), prone.system(),
        prone.code(), CodeSystems.ICD10_GM, IcuFactSelection.ARDS_ICD);
  }

}
