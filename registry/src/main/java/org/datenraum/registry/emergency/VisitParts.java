package org.datenraum.registry.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.Sex;

/**
 * The parts of one visit gathered from its facts one by one ({@link #fact(Fact)}), or handed over
 * already chosen by a store that selects them itself (the rules in {@link EmergencyVisits}). Not
 * thread-safe.
 */
public final class VisitParts {

  private Instant triageTime;
  private Instant physician;
  private EmergencyVisit.Triage triage;
  private String referral;
  private String transport;
  private String discharge;
  private String transfer;
  private String complaint;
  private String diagnosis;
  private boolean isolated;
  private boolean noPathogen;
  private final List<String> reasons = new ArrayList<>();
  private final List<String> pathogens = new ArrayList<>();

  /** Reads one attribute of the visit's Encounter fact (complaint, referral, discharge, transfer). */
  public void encounterAttribute(Attribute a) {
    Coding c = a.value();
    switch (a.key()) {
      case "reasonCode" -> complaint = c.system().equals(CodeSystems.CEDIS) && complaint == null ? c.code() : complaint;
      case "hospitalization.admitSource" -> referral = c.code();
      case "hospitalization.dischargeDisposition" -> {
        if (c.system().equals(EmergencyVisits.TRANSFER)) {
          transfer = c.code();
        } else if (c.system().equals(EmergencyVisits.DISCHARGE)) {
          discharge = c.code();
        }
      }
      default -> { }
    }
  }

  /** Reads one other fact of the visit's encounter, in the order stored. */
  public void fact(Fact f) {
    Coding code = f.code();
    Coding value = f.codedValue();
    if (isLoinc(code, "11283-9") && value != null) {
      triage(f, value);
    } else if (code.system().equals(EmergencyVisits.ED_TIMES) && code.code().equals("physician-contact")) {
      physician = f.start();
    } else if (isLoinc(code, "11459-5") && value != null) {
      transport = value.code();
    } else if (isLoinc(code, "44100-6") && value != null) {
      reasons.add(value.code());
    } else if (f.resourceType().equals("Condition") && code.system().equals(CodeSystems.ICD10_GM)
        && f.attributes().stream().anyMatch(a -> a.key().equals("diagnosis.rank") && a.value().code().equals("1"))) {
      diagnosis = code.code();
    } else if (f.resourceType().equals("Condition") && code.system().equals(EmergencyVisits.PATHOGEN)) {
      pathogen(code.code(), f.attributes().stream().anyMatch(a -> a.key().equals("verificationStatus")
          && a.value().code().equals("refuted")));
    } else if (f.resourceType().equals("Procedure") && isIsolation(code) && !"not-done".equals(f.status())) {
      isolated = true;
    }
  }

  /**
   * The visit's triage: of the triage facts with a scale (MTS, ESI) and a level 1 to 5, the one with
   * the earliest time (the first stored among equal times; when none has a time, the first stored).
   */
  public void triage(String scale, int level, Instant time) {
    triage = new EmergencyVisit.Triage(scale, level);
    triageTime = time;
  }

  /** The time of the last stored physician-contact fact (null when it has none). */
  public void physician(Instant time) {
    physician = time;
  }

  /** The coded value of the last stored transport fact. */
  public void transport(String code) {
    transport = code;
  }

  /** The code of the last stored ICD-10-GM Condition ranked 1. */
  public void diagnosis(String code) {
    diagnosis = code;
  }

  /** One isolation reason (each stored fact counts). */
  public void reason(String code) {
    reasons.add(code);
  }

  /** An organism's Condition: refuted ones say there is none. */
  public void pathogen(String code, boolean refuted) {
    if (refuted) {
      noPathogen = true;
    } else if (!pathogens.contains(code)) {
      pathogens.add(code);
    }
  }

  /** An isolation Procedure that was not marked not done. */
  public void isolated() {
    isolated = true;
  }

  /** The visit from its Encounter's times and its patient's sex and birth month (null when unknown). */
  public EmergencyVisit visit(Instant admission, Instant discharged, Sex sex, YearMonth birth) {
    return new EmergencyVisit(new EmergencyVisit.Times(admission, discharged, triageTime, physician),
        person(sex, birth, admission), triage,
        new EmergencyVisit.Codes(referral, transport, disposition(), complaint, diagnosis),
        new EmergencyVisit.Hygiene(isolated, reasons, pathogens, noPathogen));
  }

  private static EmergencyVisit.Person person(Sex sex, YearMonth birth, Instant admission) {
    Integer age = null;
    if (birth != null) {
      LocalDate day = admission.atOffset(ZoneOffset.UTC).toLocalDate();
      LocalDate first = birth.atDay(1);
      age = first.isAfter(day) ? null : Period.between(first, day).getYears();
    }
    return new EmergencyVisit.Person(sex, age);
  }

  private void triage(Fact f, Coding value) {
    String scale = value.system().contains("emergencyseverityindex") ? "ESI"
        : value.system().contains("manchestertriage") ? "MTS" : null;
    if (scale == null || !value.code().matches("[1-5]")) {
      return;
    }
    boolean earlier = triage == null || (f.start() != null && (triageTime == null || f.start().isBefore(triageTime)));
    if (earlier) {
      triage(scale, Integer.parseInt(value.code()), f.start());
    }
  }

  private String disposition() {
    return transfer != null ? "TRANSFER:" + transfer : discharge != null ? "DISCHARGE:" + discharge : null;
  }

  private static boolean isIsolation(Coding c) {
    return (c.system().equals(EmergencyVisits.ISOLATION) && c.code().equals("ISO"))
        || (c.system().equals(CodeSystems.SNOMED) && c.code().equals("40174006"));
  }

  private static boolean isLoinc(Coding c, String code) {
    return c.system().equals(CodeSystems.LOINC) && c.code().equals(code);
  }
}
