package org.datenraum.registry.emergency;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;

/**
 * Emergency department visits read from facts as the CDA receiver (and the FHIR ingest, for what
 * it has) writes them: an Encounter fact of class EMER and the facts of its encounter. Stateless.
 */
public final class EmergencyVisits {

  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String ED_TIMES = "urn:datenraum:ed";
  static final String PATHOGEN = "urn:oid:1.2.276.0.76.5.441";
  static final String DISCHARGE = "urn:oid:1.2.276.0.76.3.1.195.5.56";
  static final String TRANSFER = "urn:oid:1.2.276.0.76.3.1.195.5.53";
  static final String ISOLATION = "urn:oid:1.2.276.0.76.3.1.195.5.54";

  /** The code of the Encounter fact that makes a visit (its start is the admission). */
  public static final Coding VISIT = new Coding(ACT_CODE, "EMER");

  private EmergencyVisits() {}

  /** The first instant of the month as the report reads times (UTC). */
  public static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The visits admitted in {@code month} (UTC, the times as documented), by admission. */
  public static List<EmergencyVisit> of(Stream<Fact> facts, Map<String, PatientRecord> patients, YearMonth month) {
    List<EmergencyVisit> out = new ArrayList<>(keyed(facts, patients, month).values().stream()
        .map(Keyed::visit).toList());
    out.sort(Comparator.comparing(v -> v.times().admission()));
    return out;
  }

  /** A visit with its encounter's and patient's pseudonyms. */
  public record Keyed(String encounter, String patient, EmergencyVisit visit) {}

  /** The visits admitted in {@code month} by encounter pseudonym. */
  public static Map<String, Keyed> keyed(Stream<Fact> facts, Map<String, PatientRecord> patients, YearMonth month) {
    Instant from = start(month);
    Instant to = start(month.plusMonths(1));
    Map<String, Fact> encounters = new HashMap<>();
    Map<String, List<Fact>> byEncounter = new HashMap<>();
    facts.forEach(f -> {
      if (f.encounter() == null) {
        return;
      }
      if (isVisit(f)) {
        if (!f.start().isBefore(from) && f.start().isBefore(to)) {
          encounters.put(f.encounter(), f);
        }
      } else {
        byEncounter.computeIfAbsent(f.encounter(), k -> new ArrayList<>()).add(f);
      }
    });
    Map<String, Keyed> out = new HashMap<>();
    for (Fact e : encounters.values()) {
      out.put(e.encounter(), new Keyed(e.encounter(), e.patient(),
          visit(e, byEncounter.getOrDefault(e.encounter(), List.of()), patients.get(e.patient()))));
    }
    return out;
  }

  private static boolean isVisit(Fact f) {
    return f.resourceType().equals("Encounter") && f.code().system().equals(ACT_CODE)
        && f.code().code().equals("EMER") && f.start() != null;
  }

  private static EmergencyVisit visit(Fact encounter, List<Fact> facts, PatientRecord patient) {
    VisitParts p = new VisitParts();
    for (Attribute a : encounter.attributes()) {
      p.encounterAttribute(a);
    }
    facts.forEach(p::fact);
    return patient == null ? p.visit(encounter.start(), encounter.end(), Sex.UNKNOWN, null)
        : p.visit(encounter.start(), encounter.end(), patient.sex(), patient.birth());
  }
}
