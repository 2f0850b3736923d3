package org.datenraum.generator;

import static org.datenraum.generator.Profiles.LOINC;
import static org.datenraum.generator.Profiles.SNOMED;

import org.datenraum.generator.Vocabulary.LabTest;
import org.datenraum.generator.Vocabulary.Pathogen;

/** Writes Observation resources: laboratory, microbiology, vital signs, ventilation, scores. */
final class ObservationRecords {

  private ObservationRecords() {}

  private static FhirOut begin(PatientContext p, String profile, String encounter, long time) {
    FhirOut o = p.out(ResourceType.Observation).begin("Observation", p.nextId(), profile);
    o.sym("status", "final");
    o.ref("subject", "Patient", p.id);
    if (encounter != null) {
      o.ref("encounter", "Encounter", encounter);
    }
    o.dateTime("effectiveDateTime", time);
    return o;
  }

  private static void labHead(FhirOut o, PatientContext p, String id) {
    o.array("identifier").open(null);
    o.concept("type", Profiles.V2_0203, "OBI", null);
    o.sym("system", p.site.system("befund")).str("value", id);
    o.close().closeArray();
    o.array("category").open(null).array("coding");
    o.coding(LOINC, "26436-6", null);
    o.coding(Profiles.OBS_CATEGORY, "laboratory", null);
    o.closeArray().close().closeArray();
  }

  /** A quantitative laboratory result with UCUM unit, interpretation and reference range. */
  static void lab(PatientContext p, String encounter, long time, LabTest t, double value) {
    FhirOut o = begin(p, Profiles.LAB, encounter, time);
    o.dateTime("issued", time + 2400);
    labHead(o, p, "L" + p.index + "-" + time + "-" + t.loinc());
    o.concept("code", LOINC, t.loinc(), t.display());
    o.quantity("valueQuantity", value, t.decimals(), t.unit(), t.ucum());
    double low = t.low(p.male);
    double high = t.high(p.male);
    double shown = Math.round(value * Math.pow(10, t.decimals())) / Math.pow(10, t.decimals());
    String flag = shown > high ? "H" : shown < low ? "L" : "N";
    o.concepts("interpretation", Profiles.INTERPRETATION, flag, null);
    o.array("referenceRange").open(null);
    o.quantity("low", low, t.decimals(), t.unit(), t.ucum());
    o.quantity("high", high, t.decimals(), t.unit(), t.ucum());
    o.close().closeArray();
    o.end();
  }

  /** A pathogen test, positive or negative. */
  static void micro(PatientContext p, String encounter, long time, Pathogen pathogen, boolean positive) {
    FhirOut o = begin(p, Profiles.LAB, encounter, time);
    o.dateTime("issued", time + 6 * 3600);
    labHead(o, p, "M" + p.index + "-" + time + "-" + pathogen.key());
    o.concept("code", LOINC, pathogen.loinc(), pathogen.display());
    if (positive) {
      o.concept("valueCodeableConcept", SNOMED, "10828004", "Positive (qualifier value)");
    } else {
      o.concept("valueCodeableConcept", SNOMED, "260385009", "Negative (qualifier value)");
    }
    o.concepts("interpretation", Profiles.INTERPRETATION, positive ? "POS" : "NEG",
        positive ? "Positive" : "Negative");
    o.end();
  }

  private static void vitalCategory(FhirOut o) {
    o.concepts("category", Profiles.OBS_CATEGORY, "vital-signs", null);
  }

  static void heartRate(PatientContext p, String encounter, long time, double bpm) {
    FhirOut o = begin(p, Profiles.HEART_RATE, encounter, time);
    vitalCategory(o);
    o.open("code").array("coding");
    o.coding(LOINC, "8867-4", "Heart rate");
    o.coding(SNOMED, "364075005", null);
    o.closeArray().close();
    o.quantity("valueQuantity", bpm, 0, "Schläge/min", "/min");
    o.end();
  }

  static void bloodPressure(PatientContext p, String encounter, long time, double sys, double dia) {
    FhirOut o = begin(p, Profiles.BLOOD_PRESSURE, encounter, time);
    vitalCategory(o);
    o.open("code").array("coding");
    o.coding(LOINC, "85354-9", "Blood pressure panel with all children optional");
    o.coding(SNOMED, "75367002", null);
    o.closeArray().close();
    o.array("component");
    component(o, "8480-6", "Systolic blood pressure", "271649006", sys);
    component(o, "8462-4", "Diastolic blood pressure", "271650006", dia);
    o.closeArray();
    o.end();
  }

  private static void component(FhirOut o, String loinc, String display, String sct, double v) {
    o.open(null).open("code").array("coding");
    o.coding(LOINC, loinc, display);
    o.coding(SNOMED, sct, null);
    o.closeArray().close();
    o.quantity("valueQuantity", v, 0, "mmHg", "mm[Hg]");
    o.close();
  }

  static void oxygenSaturation(PatientContext p, String encounter, long time, double percent) {
    FhirOut o = begin(p, Profiles.OXYGEN_SATURATION, encounter, time);
    vitalCategory(o);
    o.open("code").array("coding");
    o.coding(LOINC, "2708-6", "Oxygen saturation in Arterial blood");
    o.coding(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
    o.closeArray().close();
    o.quantity("valueQuantity", percent, 0, "%", "%");
    o.end();
  }

  static void temperature(PatientContext p, String encounter, long time, double celsius) {
    FhirOut o = begin(p, Profiles.BODY_TEMPERATURE, encounter, time);
    vitalCategory(o);
    o.concept("code", LOINC, "8310-5", "Body temperature");
    o.quantity("valueQuantity", celsius, 1, "°C", "Cel");
    o.end();
  }

  static void respiratoryRate(PatientContext p, String encounter, long time, double perMin) {
    FhirOut o = begin(p, Profiles.RESP_RATE, encounter, time);
    vitalCategory(o);
    o.open("code").array("coding");
    o.coding(LOINC, "9279-1", "Respiratory rate");
    o.coding(SNOMED, "86290005", null);
    o.closeArray().close();
    o.quantity("valueQuantity", perMin, 0, "Atemzüge/min", "/min");
    o.end();
  }

  /** A ventilator setting that belongs to the ventilation procedure {@code ventilation}. */
  static void ventSetting(PatientContext p, String encounter, String ventilation, long time,
      VentSetting s, double value) {
    FhirOut o = begin(p, s.profile, encounter, time);
    o.array("partOf").ref(null, "Procedure", ventilation).closeArray();
    o.concepts("category", SNOMED, "40617009", "Artificial ventilation (regime/therapy)");
    o.open("code").array("coding");
    o.coding(LOINC, s.loinc, s.display);
    o.coding(SNOMED, s.snomed, null);
    o.closeArray().close();
    o.quantity("valueQuantity", value, s.decimals, s.unit, s.ucum);
    o.end();
  }

  static void ventMode(PatientContext p, String encounter, String ventilation, long time,
      String mode, String display) {
    FhirOut o = begin(p, null, encounter, time);
    o.array("partOf").ref(null, "Procedure", ventilation).closeArray();
    o.concepts("category", SNOMED, "40617009", "Artificial ventilation (regime/therapy)");
    o.concept("code", LOINC, "20124-4", "Ventilation mode Ventilator");
    o.concept("valueCodeableConcept", Profiles.VENT_MODE, mode, display);
    o.end();
  }

  static void rass(PatientContext p, String encounter, long time, int score) {
    FhirOut o = begin(p, null, encounter, time);
    o.concepts("category", Profiles.OBS_CATEGORY, "survey", "Survey");
    o.concept("code", SNOMED, "1345050000",
        "Richmond Agitation Sedation Scale score (observable entity)");
    o.integer("valueInteger", score);
    o.end();
  }

  /** The Manchester triage level given at the emergency department. */
  static void triage(PatientContext p, String encounter, long time, int level, String display) {
    FhirOut o = begin(p, null, encounter, time);
    o.concepts("category", Profiles.OBS_CATEGORY, "survey", "Survey");
    o.concept("code", LOINC, "11283-9", "Acuity assessment [Interpretation] at First encounter");
    o.concept("valueCodeableConcept", Profiles.MTS, Integer.toString(level), display);
    o.end();
  }

  /** The ventilator settings recorded hourly. */
  enum VentSetting {
    FIO2(Profiles.FIO2, "19994-3", "250774007", "Oxygen/Total gas setting [Volume Fraction] Ventilator", "%", "%", 0),
    PEEP(Profiles.PEEP, "76248-4", "250854009", "PEEP Respiratory system --on ventilator", "cmH2O", "cm[H2O]", 0),
    TIDAL_VOLUME(Profiles.TIDAL_VOLUME, "20112-9", "416811008", "Tidal volume setting Ventilator", "mL", "mL", 0);

    final String profile;
    final String loinc;
    final String snomed;
    final String display;
    final String unit;
    final String ucum;
    final int decimals;

    VentSetting(String profile, String loinc, String snomed, String display, String unit,
        String ucum, int decimals) {
      this.profile = profile;
      this.loinc = loinc;
      this.snomed = snomed;
      this.display = display;
      this.unit = unit;
      this.ucum = ucum;
      this.decimals = decimals;
    }
  }
}
