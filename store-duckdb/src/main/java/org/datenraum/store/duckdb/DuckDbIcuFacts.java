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
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * {@code PEDICU}; the registry decides exactly), and of them only the facts
 * {@link IcuFactSelection} names, with numeric values. Immutable; the store serialises the queries.
 */
public final class DuckDbIcuFacts implements IcuFacts {

  private static final String ICU_PATIENTS = """
      SELECT DISTINCT patient FROM fact
      WHERE resource_type = 'Encounter' AND (code IN ('intensivstationaer', 'ICU', 'PEDICU')
        OR attributes LIKE '%Fachabteilungsschluessel%|36%'
        OR attributes LIKE '%v3-RoleCode|ICU%' OR attributes LIKE '%v3-RoleCode|PEDICU%')""";

  private static final String FACTS = """
      SELECT f.patient, f.encounter, f.resource_type, f.resource_id, f.system, f.code,
             f.start_time, f.end_time, f.value_num, f.unit, f.comparator, f.status,
             CASE WHEN f.resource_type IN ('Encounter', 'Procedure') THEN f.attributes END
      FROM fact f
      WHERE f.patient IN (%s) AND (
        f.resource_type = 'Encounter'
        OR f.resource_type = 'Procedure' AND (f.attributes LIKE '%%category=%s|%s%%'
            OR f.system = '%s' AND f.code = '%s')
        OR f.resource_type = 'Condition' AND f.system = '%s' AND f.code LIKE '%s%%'
        OR f.resource_type = 'Observation' AND (%s)
        OR f.resource_type = 'MedicationAdministration' AND (%s))
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
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql())) {
        int current = -1;
        List<Fact> facts = new ArrayList<>();
        while (rs.next()) {
          int patient = rs.getInt(1);
          if (patient != current && current >= 0) {
            sink.accept(new PatientFacts(patients.get(current), facts));
            facts = new ArrayList<>();
          }
          current = patient;
          facts.add(fact(rs, patients.get(patient).pseudonym()));
        }
        if (current >= 0) {
          sink.accept(new PatientFacts(patients.get(current), facts));
        }
      }
      return null;
    });
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

  private static String sql() {
    Coding category = IcuFactSelection.VENTILATION_CATEGORY;
    Coding prone = IcuFactSelection.PRONE_POSITION;
    return FACTS.formatted(ICU_PATIENTS, category.system(), category.code(), prone.system(),
        prone.code(), CodeSystems.ICD10_GM, IcuFactSelection.ARDS_ICD,
        codes(IcuFactSelection.measureCodes()), codes(IcuFactSelection.drugCodes()));
  }

  /** {@code (system = 'a' AND code IN ('x', 'y')) OR ...} over constant codes of this module. */
  private static String codes(Set<Coding> codes) {
    Map<String, List<String>> bySystem = codes.stream().collect(Collectors.groupingBy(
        Coding::system, java.util.TreeMap::new,
        Collectors.mapping(Coding::code, Collectors.toList())));
    List<String> parts = new ArrayList<>();
    bySystem.forEach((system, list) -> parts.add("f.system = '" + system + "' AND f.code IN ("
        + list.stream().sorted().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ")"));
    return String.join(" OR ", parts);
  }
}
