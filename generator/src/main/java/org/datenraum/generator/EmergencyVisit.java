package org.datenraum.generator;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.generator.CareRecords.Contact;
import org.datenraum.generator.Vocabulary.CaseType;
import org.datenraum.generator.Vocabulary.LabTest;
import org.datenraum.generator.Vocabulary.Pathogen;

/** An emergency department visit: triage, first physician contact, work-up, disposition. */
final class EmergencyVisit {

  private static final String[] MTS_DISPLAY = {
    "sofort - rot - 0 Minuten", "sehr dringend - orange - 10 Minuten",
    "dringend - gelb - 30 Minuten", "normal - grün - 90 Minuten",
    "nicht dringend - blau - 120 Minuten"};
  /** Median minutes from triage to physician, by triage level. */
  private static final double[] WAIT_MINUTES = {2, 8, 25, 55, 75};
  private static final String[] RESPIRATORY_PANEL = {"FLU_A", "FLU_B", "RSV", "SARS2"};

  private EmergencyVisit() {}

  /** Writes the visit and returns when the patient left the department. */
  static long write(PatientContext p, CaseType c, long arrival, boolean admitted,
      Physiology.Vitals vitals, int age) {
    String id = p.nextId();
    int level = (int) Draw.clamp(c.acuity() + (p.rng.nextDouble() < 0.2 ? -1
        : p.rng.nextDouble() < 0.25 ? 1 : 0), 1, 5);
    long triage = arrival + 60 + p.rng.nextInt(level <= 2 ? 240 : 1200);
    long physician = triage + Math.round(Draw.logNormal(p.rng, WAIT_MINUTES[level - 1], 0.7) * 60);
    long leave = physician + Math.round(Draw.logNormal(p.rng, admitted ? 3.2 : 2.2, 0.55) * 3600);
    ObservationRecords.triage(p, id, triage, level, MTS_DISPLAY[level - 1]);
    ObservationRecords.heartRate(p, id, triage, vitals.value(Physiology.Vitals.HR, 1));
    ObservationRecords.bloodPressure(p, id, triage, vitals.value(Physiology.Vitals.SYS, 1),
        vitals.value(Physiology.Vitals.DIA, 1));
    ObservationRecords.oxygenSaturation(p, id, triage, vitals.value(Physiology.Vitals.SPO2, 1));
    ObservationRecords.temperature(p, id, triage, vitals.value(Physiology.Vitals.TEMP, 1));
    if (level <= 3) {
      ObservationRecords.respiratoryRate(p, id, triage, vitals.value(Physiology.Vitals.RR, 1));
    }
    if (!c.panels().isEmpty() && (admitted || level <= 3 || p.rng.nextDouble() < 0.4)) {
      labPanels(p, id, physician + 1200, c, 1, age, c.panels());
    }
    microbiology(p, id, physician + 900, c, admitted);
    List<String> diagnoses = new ArrayList<>();
    diagnoses.add(CareRecords.condition(p, id, leave, c.icd(), c.display()));
    for (Vocabulary.Chronic ch : p.chronic) {
      if (diagnoses.size() < 3 && p.rng.nextDouble() < 0.5) {
        diagnoses.add(CareRecords.condition(p, id, leave, ch.icd(), ch.display()));
      }
    }
    ImagingRecords.write(p, c, id, physician + 1800);
    CareRecords.emergencyEncounter(p, new Contact(id, "EMER", null, null, null, arrival, leave),
        c.cedis(), physician, diagnoses);
    return leave;
  }

  /** Writes the laboratory results of the given panels, all taken at {@code time}. */
  static void labPanels(PatientContext p, String encounter, long time, CaseType c, double acute,
      int age, List<String> panels) {
    for (LabTest t : p.vocab.labs) {
      if (panels.contains(t.panel())) {
        ObservationRecords.lab(p, encounter, time, t, Physiology.lab(p, t, c, acute, age));
      }
    }
  }

  private static void microbiology(PatientContext p, String encounter, long time, CaseType c,
      boolean admitted) {
    switch (c.season()) {
      case "RESP", "FLU", "RSV" -> {
        if (admitted || p.rng.nextDouble() < 0.35) {
          for (String key : RESPIRATORY_PANEL) {
            test(p, encounter, time, key, c.micro().getOrDefault(key, 0.0));
          }
        }
      }
      case "GI" -> {
        double chance = c.micro().getOrDefault("NORO", 0.0) >= 1 ? 0.9 : 0.5;
        if (p.rng.nextDouble() < chance) {
          test(p, encounter, time, "NORO", c.micro().getOrDefault("NORO", 0.0));
        }
      }
      default -> { }
    }
  }

  static void test(PatientContext p, String encounter, long time, String key, double pPositive) {
    Pathogen pathogen = p.vocab.pathogens.get(key);
    ObservationRecords.micro(p, encounter, time, pathogen, p.rng.nextDouble() < pPositive);
  }
}
