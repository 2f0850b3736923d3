package org.datenraum.generator;

import java.util.Map;

/**
 * Imaging for the problems that call for it, as the MII imaging module (Bildgebung) delivers it:
 * an ImagingStudy (DICOM Study Instance UID as {@code urn:dicom:uid} identifier, one series with
 * its modality and body site), a radiology DiagnosticReport (LOINC 18748-4) and, for chest CTs,
 * the structured COVID-19 findings (CO-RADS, RSNA category, CT severity score) as Observations.
 * No pixel data. Stateless.
 */
final class ImagingRecords {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String FINDING = "urn:datenraum:imaging-finding";
  static final String STUDY = "https://www.medizininformatik-initiative.de/fhir/ext/modul-bildgebung/"
      + "StructureDefinition/mii-pr-bildgebung-bildgebungsstudie";
  static final String REPORT = "https://www.medizininformatik-initiative.de/fhir/ext/modul-bildgebung/"
      + "StructureDefinition/mii-pr-bildgebung-radiologischer-befund";

  /** Which problems are imaged, how often, with what, where (SNOMED CT body structure). */
  private record Indication(double p, String modality, String bodySite, String bodyDisplay, boolean covidReading) {}

  private static final Map<String, Indication> INDICATIONS = Map.of(
      "COVID", new Indication(0.6, "CT", "51185008", "Thoracic structure", true),
      "PNEUMONIA", new Indication(0.35, "CT", "51185008", "Thoracic structure", true),
      "STROKE", new Indication(0.9, "CT", "69536005", "Head structure", false),
      "HIP_FRACTURE", new Indication(0.8, "CR", "24136001", "Hip joint structure", false),
      "CHEST_PAIN", new Indication(0.15, "CT", "51185008", "Thoracic structure", false));

  private ImagingRecords() {}

  /** Writes a study for the problem when it is imaged (drawn from the patient's randomness). */
  static void write(PatientContext p, Vocabulary.CaseType c, String encounter, long time) {
    Indication in = INDICATIONS.get(c.key());
    if (in == null || p.rng.nextDouble() >= in.p()) {
      return;
    }
    String study = p.nextId();
    String uid = "2.25." + Long.toUnsignedString(p.rng.nextLong());
    int instances = in.modality().equals("CT") ? 80 + p.rng.nextInt(400) : 2;
    FhirOut o = p.out(ResourceType.ImagingStudy).begin("ImagingStudy", study, STUDY);
    o.array("identifier").open(null).sym("system", "urn:dicom:uid").str("value", "urn:oid:" + uid)
        .close().closeArray();
    o.sym("status", "available");
    o.array("modality").coding(DCM, in.modality(), null).closeArray();
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.dateTime("started", time);
    o.integer("numberOfSeries", 1).integer("numberOfInstances", instances);
    o.array("series").open(null).str("uid", uid + ".1").integer("number", 1);
    o.open("modality").sym("system", DCM).sym("code", in.modality()).close();
    o.integer("numberOfInstances", instances);
    o.open("bodySite").sym("system", Profiles.SNOMED).sym("code", in.bodySite())
        .sym("display", in.bodyDisplay()).close();
    o.close().closeArray();
    o.end();
    long issued = time + 1800 + p.rng.nextInt(7200);
    String[] findings = in.covidReading() ? findings(p, c, encounter, issued) : new String[0];
    String report = p.nextId();
    FhirOut r = p.out(ResourceType.DiagnosticReport).begin("DiagnosticReport", report, REPORT);
    r.sym("status", "final");
    r.array("category").open(null).array("coding");
    r.coding(Profiles.LOINC, "LP29684-5", "Radiology").closeArray().close().closeArray();
    r.concept("code", Profiles.LOINC, "18748-4", "Diagnostic imaging study");
    r.ref("subject", "Patient", p.id);
    r.ref("encounter", "Encounter", encounter);
    r.dateTime("issued", issued);
    r.array("imagingStudy").ref(null, "ImagingStudy", study).closeArray();
    if (findings.length > 0) {
      r.array("result");
      for (String f : findings) {
        r.ref(null, "Observation", f);
      }
      r.closeArray();
    }
    r.end();
  }

  /** CO-RADS, RSNA category and severity score: high in COVID-19, low to middling in other pneumonia. */
  private static String[] findings(PatientContext p, Vocabulary.CaseType c, String encounter, long time) {
    boolean covid = c.key().equals("COVID");
    int coRads = covid ? 4 + p.rng.nextInt(3) - (p.rng.nextDouble() < 0.15 ? 2 : 0) : 1 + p.rng.nextInt(3);
    String rsna = coRads >= 5 ? "typical" : coRads == 4 ? "indeterminate" : coRads == 3 ? "atypical" : "negative";
    int severity = covid ? Math.min(25, 3 + p.rng.nextInt(15)) : p.rng.nextInt(6);
    return new String[] {
        finding(p, encounter, time, "co-rads", coRads, null),
        finding(p, encounter, time, "rsna-covid19", -1, rsna),
        finding(p, encounter, time, "ct-severity-score", severity, null)};
  }

  private static String finding(PatientContext p, String encounter, long time, String code, int value,
      String coded) {
    String id = p.nextId();
    FhirOut o = p.out(ResourceType.Observation).begin("Observation", id, null);
    o.sym("status", "final");
    o.array("category").open(null).array("coding");
    o.coding(Profiles.OBS_CATEGORY, "imaging", "Imaging").closeArray().close().closeArray();
    o.concept("code", FINDING, code, null);
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", encounter);
    o.dateTime("effectiveDateTime", time);
    if (coded != null) {
      o.concept("valueCodeableConcept", FINDING, coded, null);
    } else {
      o.integer("valueInteger", value);
    }
    o.end();
    return id;
  }
}
