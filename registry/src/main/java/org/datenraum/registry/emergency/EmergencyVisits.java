package org.datenraum.registry.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
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
    Instant admission = encounter.start();
    Instant discharge = encounter.end();
    return new EmergencyVisit(new EmergencyVisit.Times(admission, discharge, p.triageTime, p.physician),
        person(patient, admission), p.triage,
        new EmergencyVisit.Codes(p.referral, p.transport, p.disposition(), p.complaint, p.diagnosis),
        new EmergencyVisit.Hygiene(p.isolated, p.reasons, p.pathogens, p.noPathogen));
  }

  private static EmergencyVisit.Person person(PatientRecord p, Instant admission) {
    if (p == null) {
      return new EmergencyVisit.Person(Sex.UNKNOWN, null);
    }
    Integer age = null;
    if (p.birth() != null) {
      LocalDate day = admission.atOffset(ZoneOffset.UTC).toLocalDate();
      LocalDate birth = p.birth().atDay(1);
      age = birth.isAfter(day) ? null : Period.between(birth, day).getYears();
    }
    return new EmergencyVisit.Person(p.sex(), age);
  }

  /** The parts of one visit gathered from its facts. Not thread-safe. */
  private static final class VisitParts {
    Instant triageTime;
    Instant physician;
    EmergencyVisit.Triage triage;
    String referral;
    String transport;
    String discharge;
    String transfer;
    String complaint;
    String diagnosis;
    boolean isolated;
    boolean noPathogen;
    final List<String> reasons = new ArrayList<>();
    final List<String> pathogens = new ArrayList<>();

    void encounterAttribute(Attribute a) {
      Coding c = a.value();
      switch (a.key()) {
        case "reasonCode" -> complaint = c.system().equals(CodeSystems.CEDIS) && complaint == null ? c.code() : complaint;
        case "hospitalization.admitSource" -> referral = c.code();
        case "hospitalization.dischargeDisposition" -> {
          if (c.system().equals(TRANSFER)) {
            transfer = c.code();
          } else if (c.system().equals(DISCHARGE)) {
            discharge = c.code();
          }
        }
        default -> { }
      }
    }

    void fact(Fact f) {
      Coding code = f.code();
      Coding value = f.codedValue();
      if (isLoinc(code, "11283-9") && value != null) {
        triage(f, value);
      } else if (code.system().equals(ED_TIMES) && code.code().equals("physician-contact")) {
        physician = f.start();
      } else if (isLoinc(code, "11459-5") && value != null) {
        transport = value.code();
      } else if (isLoinc(code, "44100-6") && value != null) {
        reasons.add(value.code());
      } else if (f.resourceType().equals("Condition") && code.system().equals(CodeSystems.ICD10_GM)
          && f.attributes().stream().anyMatch(a -> a.key().equals("diagnosis.rank") && a.value().code().equals("1"))) {
        diagnosis = code.code();
      } else if (f.resourceType().equals("Condition") && code.system().equals(PATHOGEN)) {
        pathogen(f, code);
      } else if (f.resourceType().equals("Procedure") && isIsolation(code) && !"not-done".equals(f.status())) {
        isolated = true;
      }
    }

    private void triage(Fact f, Coding value) {
      String scale = value.system().contains("emergencyseverityindex") ? "ESI"
          : value.system().contains("manchestertriage") ? "MTS" : null;
      if (scale == null || !value.code().matches("[1-5]")) {
        return;
      }
      boolean earlier = triage == null || (f.start() != null && (triageTime == null || f.start().isBefore(triageTime)));
      if (earlier) {
        triage = new EmergencyVisit.Triage(scale, Integer.parseInt(value.code()));
        triageTime = f.start();
      }
    }

    private void pathogen(Fact f, Coding code) {
      boolean refuted = f.attributes().stream().anyMatch(a -> a.key().equals("verificationStatus")
          && a.value().code().equals("refuted"));
      if (refuted) {
        noPathogen = true;
      } else if (!pathogens.contains(code.code())) {
        pathogens.add(code.code());
      }
    }

    String disposition() {
      return transfer != null ? "TRANSFER:" + transfer : discharge != null ? "DISCHARGE:" + discharge : null;
    }

    private static boolean isIsolation(Coding c) {
      return (c.system().equals(ISOLATION) && c.code().equals("ISO"))
          || (c.system().equals(CodeSystems.SNOMED) && c.code().equals("40174006"));
    }

    private static boolean isLoinc(Coding c, String code) {
      return c.system().equals(CodeSystems.LOINC) && c.code().equals(code);
    }
  }
}
