package org.datenraum.generator;

import static org.datenraum.generator.Profiles.SNOMED;

import java.util.List;
import org.datenraum.generator.Vocabulary.Drug;

/** Writes encounters, diagnoses, procedures, medication and specimens. */
final class CareRecords {

  private CareRecords() {}

  /** The facts of one contact with the hospital that its Encounter resource shows. */
  record Contact(String id, String contactClass, String contactType, String department,
      String partOf, long start, long end) {}

  /** An emergency department visit with presenting complaint and first physician contact. */
  static void emergencyEncounter(PatientContext p, Contact c, String cedis, long physician,
      List<String> diagnoses) {
    FhirOut o = begin(p, c);
    o.array("reasonCode").open(null).array("coding");
    o.coding(Profiles.CEDIS, cedis, p.vocab.cedis.get(cedis));
    o.closeArray().close().closeArray();
    o.array("participant").open(null);
    o.concepts("type", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND",
        "attender");
    o.open("period").dateTime("start", physician).close();
    o.close().closeArray();
    diagnoses(o, diagnoses, false);
    o.end();
  }

  /** A facility contact (inpatient case) with its diagnoses, the first being the main one. */
  static void facilityEncounter(PatientContext p, Contact c, boolean emergency, boolean died,
      List<String> diagnoses) {
    FhirOut o = begin(p, c);
    diagnoses(o, diagnoses, true);
    o.open("hospitalization");
    o.concept("admitSource", Profiles.ADMIT_SOURCE, emergency ? "N" : "E",
        emergency ? "Notfall" : "Einweisung durch einen Arzt");
    o.open("dischargeDisposition").array("extension").open(null).sym("url", Profiles.DISCHARGE);
    o.array("extension");
    o.open(null).sym("url", "ErsteUndZweiteStelle");
    o.open("valueCoding").sym("system", "http://fhir.de/CodeSystem/dkgev/EntlassungsgrundErsteUndZweiteStelle")
        .sym("code", died ? "07" : "01").sym("display", died ? "Tod" : "Behandlung regulär beendet")
        .close();
    o.close();
    o.closeArray().close().closeArray().close();
    o.close();
    o.end();
  }

  /** A department contact (ward or intensive care unit) within a facility contact. */
  static void departmentEncounter(PatientContext p, Contact c) {
    begin(p, c).end();
  }

  private static FhirOut begin(PatientContext p, Contact c) {
    FhirOut o = p.out(ResourceType.Encounter).begin("Encounter", c.id(), Profiles.ENCOUNTER);
    if (c.partOf() == null) {
      o.array("identifier").open(null);
      o.concept("type", Profiles.V2_0203, "VN", null);
      o.sym("system", p.site.system("aufnahmenummer")).str("value", "F" + c.start() + "-" + p.index);
      o.close().closeArray();
    }
    o.sym("status", "finished");
    o.open("class").sym("system", Profiles.ACT_CODE).sym("code", c.contactClass()).close();
    o.array("type");
    o.concept(null, Profiles.CONTACT_LEVEL, c.partOf() == null ? "einrichtungskontakt"
        : "abteilungskontakt", null);
    if (c.contactType() != null) {
      o.concept(null, Profiles.CONTACT_TYPE, c.contactType(), null);
    }
    o.closeArray();
    if (c.department() != null) {
      o.concept("serviceType", Profiles.DEPARTMENT, c.department(),
          p.vocab.departments.get(c.department()));
    }
    o.ref("subject", "Patient", p.id);
    o.period("period", c.start(), c.end());
    if (c.partOf() != null) {
      o.ref("partOf", "Encounter", c.partOf());
    }
    return o;
  }

  private static void diagnoses(FhirOut o, List<String> ids, boolean inpatient) {
    if (ids.isEmpty()) {
      return;
    }
    o.array("diagnosis");
    for (int i = 0; i < ids.size(); i++) {
      boolean main = i == 0;
      o.open(null).ref("condition", "Condition", ids.get(i));
      o.open("use").array("coding");
      if (main && inpatient) {
        o.coding(Profiles.DIAGNOSIS_USE, "hospital-main-diagnosis", "Krankenhaus Hauptdiagnose");
        o.coding(Profiles.DIAGNOSIS_ROLE, "DD", "Discharge diagnosis");
      } else if (main) {
        o.coding(Profiles.DIAGNOSIS_USE, "treatment-diagnosis", "Behandlungsrelevante Diagnosen");
        o.coding(Profiles.DIAGNOSIS_ROLE, "AD", "Admission diagnosis");
      } else {
        o.coding(Profiles.DIAGNOSIS_USE, "treatment-diagnosis", "Behandlungsrelevante Diagnosen");
        o.coding(Profiles.DIAGNOSIS_ROLE, "CM", "Comorbidity diagnosis");
      }
      o.closeArray().close();
      o.integer("rank", i + 1);
      o.close();
    }
    o.closeArray();
  }

  /** An ICD-10-GM coded diagnosis; returns its id. */
  static String condition(PatientContext p, String encounter, long time, String icd, String display) {
    String id = p.nextId();
    FhirOut o = p.out(ResourceType.Condition).begin("Condition", id, Profiles.CONDITION);
    o.concept("clinicalStatus", "http://terminology.hl7.org/CodeSystem/condition-clinical",
        "active", null);
    o.concept("verificationStatus", "http://terminology.hl7.org/CodeSystem/condition-ver-status",
        "confirmed", null);
    o.open("code").array("coding").open(null);
    o.sym("system", Profiles.ICD10GM).sym("version", year(time)).sym("code", icd)
        .sym("display", display);
    o.close().closeArray().close();
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.date("recordedDate", BerlinTime.localDay(time));
    o.end();
    return id;
  }

  /** An OPS coded procedure; returns its id. */
  static String procedure(PatientContext p, String encounter, long time, String ops) {
    String id = p.nextId();
    FhirOut o = p.out(ResourceType.Procedure).begin("Procedure", id, Profiles.PROCEDURE);
    o.sym("status", "completed");
    boolean surgical = ops.startsWith("5-");
    boolean diagnostic = ops.startsWith("1-") || ops.startsWith("3-");
    o.concept("category", SNOMED, surgical ? "387713003" : diagnostic ? "103693007" : "277132007",
        surgical ? "Surgical procedure" : diagnostic ? "Diagnostic procedure" : "Therapeutic procedure");
    o.open("code").array("coding").open(null);
    o.sym("system", Profiles.OPS).sym("version", year(time)).sym("code", ops)
        .sym("display", p.vocab.ops.get(ops));
    o.close().closeArray().close();
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.dateTime("performedDateTime", time);
    o.end();
    return id;
  }

  /** Mechanical ventilation as the MII ICU profile shows it; returns its id. */
  static String ventilation(PatientContext p, String encounter, long start, long end) {
    String id = p.nextId();
    FhirOut o = p.out(ResourceType.Procedure).begin("Procedure", id, Profiles.VENTILATION);
    o.sym("status", "completed");
    o.concept("category", SNOMED, "40617009", "Artificial ventilation");
    o.concept("code", SNOMED, "243147009", "Controlled ventilation (procedure)");
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.period("performedPeriod", start, end);
    o.end();
    return id;
  }

  /** The id of a drug's Medication resource at this site. */
  static String medicationId(Site site, Drug d) {
    return Ids.uuid(site.hash, 1_000_000_000L + d.index());
  }

  /** The Medication resource of a drug, written once per run. */
  static void medication(FhirOut o, Site site, Drug d) {
    o.begin("Medication", medicationId(site, d), Profiles.MEDICATION);
    o.open("code").array("coding");
    o.coding(Profiles.ATC, d.atc(), d.display());
    o.closeArray().sym("text", d.display()).close();
    o.sym("status", "active");
    o.end();
  }

  /** A medication order; returns its id. */
  static String request(PatientContext p, String encounter, long time, Drug d, int perDay) {
    String id = p.nextId();
    FhirOut o = p.out(ResourceType.MedicationRequest).begin("MedicationRequest", id, Profiles.MED_REQUEST);
    o.sym("status", "completed").sym("intent", "order");
    o.ref("medicationReference", "Medication", medicationId(p.site, d));
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.dateTime("authoredOn", time);
    o.array("dosageInstruction").open(null);
    o.sym("text", d.display() + " " + fmt(d.dose()) + " " + d.ucum() + (perDay >= 24
        ? " kontinuierlich" : " " + perDay + "x täglich"));
    o.open("timing").open("repeat").integer("frequency", Math.min(perDay, 24)).integer("period", 1)
        .sym("periodUnit", "d").close().close();
    o.array("doseAndRate").open(null);
    if (perDay >= 24) {
      o.quantity("rateQuantity", d.dose(), 2, d.ucum(), d.ucum());
    } else {
      o.quantity("doseQuantity", d.dose(), 1, d.ucum(), d.ucum());
    }
    o.close().closeArray();
    o.close().closeArray();
    o.end();
    return id;
  }

  /** One given dose ({@code rate} false) or one hour of an infusion at {@code amount}. */
  static void administration(PatientContext p, String encounter, String request, long time,
      Drug d, double amount, boolean rate) {
    FhirOut o = p.out(ResourceType.MedicationAdministration)
        .begin("MedicationAdministration", p.nextId(), Profiles.MED_ADMIN);
    o.sym("status", "completed");
    o.ref("medicationReference", "Medication", medicationId(p.site, d));
    o.ref("subject", "Patient", p.id);
    o.ref("context", "Encounter", encounter);
    if (rate) {
      o.period("effectivePeriod", time, time + 3600);
    } else {
      o.dateTime("effectiveDateTime", time);
    }
    o.ref("request", "MedicationRequest", request);
    o.open("dosage");
    if (rate) {
      o.quantity("rateQuantity", amount, 2, d.ucum(), d.ucum());
    } else {
      o.quantity("dose", amount, 1, d.ucum(), d.ucum());
    }
    o.close();
    o.end();
  }

  /** A biobank sample. */
  private static String year(long time) {
    char[] c = new char[10];
    BerlinTime.formatDate(BerlinTime.localDay(time), c, 0);
    return new String(c, 0, 4);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
