package org.datenraum.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.generator.CareRecords.Contact;
import org.datenraum.generator.Physiology.Vitals;
import org.datenraum.generator.Vocabulary.CaseType;
import org.datenraum.generator.Vocabulary.Chronic;
import org.datenraum.generator.Vocabulary.Drug;

/** An inpatient case: ward days, possibly an intensive care stay, diagnoses, orders, results. */
final class InpatientStay {

  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;
  private static final String[][] BIOBANK = {
    {"119364003", "Serum specimen"}, {"119361006", "Plasma specimen"},
    {"122555007", "Venous blood specimen"}};

  private InpatientStay() {}

  /** Writes the stay and returns its end. */
  static long write(PatientContext p, CaseType c, long admit, boolean emergency, Vitals vitals,
      int age) {
    String facility = p.nextId();
    String ward = p.nextId();
    double losDays = Math.max(0.6, Draw.logNormal(p.rng, c.los() * (age >= 75 ? 1.2 : 1), 0.55));
    boolean icu = p.rng.nextDouble() < Math.min(0.9, c.pIcu() * p.site.icuFactor);
    boolean ventilated = icu && p.rng.nextDouble() < c.pVentilated();
    long icuHours = icu ? Math.round(Draw.clamp(
        Draw.logNormal(p.rng, ventilated ? 120 : 40, 0.8), 8, 40 * 24)) : 0;
    long end = admit + Math.max(Math.round(losDays * DAY), icuHours * HOUR + (long) (0.5 * DAY));
    double pDeath = ventilated ? 0.25 : icu ? 0.07 : age >= 80 ? 0.04 : 0.008;
    boolean died = p.rng.nextDouble() < pDeath;
    long icuStart = c.elective() ? admit + 5 * HOUR : admit;
    long icuEnd = icuStart + icuHours * HOUR;
    if (died) {
      end = icu ? icuEnd : end;
      p.deathTime = end;
    }
    String department = age < 15 ? "1000" : c.department();
    List<String> diagnoses = diagnoses(p, c, facility, end, ventilated);
    procedures(p, c, facility, admit, icu, ventilated, age);
    if (icu) {
      String unit = p.nextId();
      CareRecords.departmentEncounter(p, new Contact(unit, "IMP", "intensivstationaer", "3600",
          facility, icuStart, icuEnd));
      IntensiveCare.write(p, c, unit, icuStart, icuEnd, ventilated, vitals, age);
    }
    long wardStart = icu && !c.elective() ? icuEnd : admit;
    if (!(died && icu) && end > wardStart) {
      CareRecords.departmentEncounter(p, new Contact(ward, "IMP", "normalstationaer",
          department, facility, wardStart, end));
      wardCare(p, c, ward, wardStart, end, vitals, age, icu ? icuStart : -1, icuEnd);
    }
    medication(p, c, facility, admit, end);
    screening(p, c, facility, admit + 2 * HOUR, icu);
    biobank(p, admit + 2 * HOUR, losDays);
    CareRecords.facilityEncounter(p, new Contact(facility, "IMP", "normalstationaer", null, null,
        admit, end), emergency, died, diagnoses);
    return end;
  }

  private static List<String> diagnoses(PatientContext p, CaseType c, String facility, long end,
      boolean ventilated) {
    List<String> ids = new ArrayList<>();
    ids.add(CareRecords.condition(p, facility, end, c.icd(), c.display()));
    for (Chronic ch : p.chronic) {
      ids.add(CareRecords.condition(p, facility, end, ch.icd(), ch.display()));
    }
    if (ventilated) {
      ids.add(CareRecords.condition(p, facility, end, "J96.00",
          "Akute respiratorische Insuffizienz, anderenorts nicht klassifiziert: Typ I [hypoxisch]"));
    }
    return ids;
  }

  private static void procedures(PatientContext p, CaseType c, String facility, long admit,
      boolean icu, boolean ventilated, int age) {
    for (String ops : c.ops()) {
      long at = ops.startsWith("5-") || ops.startsWith("8-8")
          ? admit + (c.elective() ? 2 : 6 + p.rng.nextInt(20)) * HOUR
          : admit + (1 + p.rng.nextInt(4)) * HOUR;
      CareRecords.procedure(p, facility, at, ops);
    }
    if (icu) {
      CareRecords.procedure(p, facility, admit + HOUR, "8-980.0");
      CareRecords.procedure(p, facility, admit + HOUR, "8-930");
      if (ventilated) {
        CareRecords.procedure(p, facility, admit + 2 * HOUR, "8-701");
        CareRecords.procedure(p, facility, admit + 2 * HOUR, "8-831.00");
      }
    }
    if (age >= 80 && p.rng.nextDouble() < 0.3) {
      CareRecords.procedure(p, facility, admit + DAY, "9-984.7");
    }
  }

  private static void wardCare(PatientContext p, CaseType c, String ward, long start, long end,
      Vitals vitals, int age, long icuStart, long icuEnd) {
    List<String> panels = new ArrayList<>(c.panels().isEmpty() ? List.of("basic") : c.panels());
    if (p.has("E11.90")) {
      panels.add("diabetes");
    }
    if (icuStart < 0) {
      EmergencyVisit.labPanels(p, ward, start + HOUR, c, 1, age, panels);
    }
    long firstMorning = BerlinTime.atLocal(BerlinTime.localDay(start) + 1, 6 * 3600 + 30 * 60);
    int day = 1;
    for (long t = firstMorning; t < end; t += DAY, day++) {
      double acute = Math.exp(-day / 2.5);
      if (p.rng.nextDouble() < 0.4) {
        EmergencyVisit.labPanels(p, ward, t, c, acute, age,
            day % 2 == 0 ? c.panels() : List.of("basic"));
      }
      for (long round : new long[] {t + 90 * 60}) {
        if (round < end) {
          vitals.step();
          ObservationRecords.heartRate(p, ward, round, vitals.value(Vitals.HR, acute));
          ObservationRecords.bloodPressure(p, ward, round, vitals.value(Vitals.SYS, acute),
              vitals.value(Vitals.DIA, acute));
          ObservationRecords.temperature(p, ward, round, vitals.value(Vitals.TEMP, acute));
          ObservationRecords.oxygenSaturation(p, ward, round, vitals.value(Vitals.SPO2, acute));
        }
      }
    }
  }

  /** Orders for the case's and the chronic conditions' drugs, and each dose given. */
  private static void medication(PatientContext p, CaseType c, String facility, long admit,
      long end) {
    Set<Drug> drugs = new LinkedHashSet<>(c.drugs());
    for (Chronic ch : p.chronic) {
      if (ch.drug() != null) {
        drugs.add(ch.drug());
      }
    }
    long firstMorning = BerlinTime.atLocal(BerlinTime.localDay(admit) + 1, 8 * 3600);
    for (Drug d : drugs) {
      int perDay = Math.min(d.perDay(), 2);
      String request = CareRecords.request(p, facility, admit + 2 * HOUR, d, perDay);
      CareRecords.administration(p, facility, request, admit + 3 * HOUR, d, d.dose(), false);
      for (long t = firstMorning; t < end; t += DAY) {
        for (int k = 0; k < perDay; k++) {
          long at = t + k * (14 * HOUR / Math.max(1, perDay - 1));
          if (at < end && p.rng.nextDouble() < 0.97) {
            CareRecords.administration(p, facility, request, at, d, d.dose(), false);
          }
        }
      }
    }
  }

  private static void screening(PatientContext p, CaseType c, String facility, long time,
      boolean icu) {
    if (p.rng.nextDouble() < (icu ? 0.9 : 0.35)) {
      EmergencyVisit.test(p, facility, time, "MRSA", Math.max(0.025, c.micro().getOrDefault("MRSA", 0.0)));
      if (icu || p.rng.nextDouble() < 0.4) {
        EmergencyVisit.test(p, facility, time, "VRE", Math.max(0.012, c.micro().getOrDefault("VRE", 0.0)));
      }
    }
  }

  private static void biobank(PatientContext p, long time, double losDays) {
    if (p.consent != PatientContext.ConsentState.RESEARCH_ALL || losDays < 1
        || p.rng.nextDouble() >= p.site.biobankRate) {
      return;
    }
    Biobank.collect(p, time, 1 + p.rng.nextInt(BIOBANK.length));
  }
}
