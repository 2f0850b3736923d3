package org.datenraum.generator;

/** Canonical URLs of the profiles and code systems the generated resources claim or use. */
final class Profiles {

  static final String MII = "https://www.medizininformatik-initiative.de/fhir/";
  private static final String ICU = MII + "ext/modul-icu/StructureDefinition/";

  static final String PATIENT = MII + "core/modul-person/StructureDefinition/Patient";
  static final String CONSENT = MII + "modul-consent/StructureDefinition/mii-pr-consent-einwilligung";
  static final String ENCOUNTER = MII + "core/modul-fall/StructureDefinition/KontaktGesundheitseinrichtung";
  static final String CONDITION = MII + "core/modul-diagnose/StructureDefinition/Diagnose";
  static final String PROCEDURE = MII + "core/modul-prozedur/StructureDefinition/Procedure";
  static final String LAB = MII + "core/modul-labor/StructureDefinition/ObservationLab";
  static final String MEDICATION = MII + "core/modul-medikation/StructureDefinition/Medication";
  static final String MED_REQUEST = MII + "core/modul-medikation/StructureDefinition/MedicationRequest";
  static final String MED_ADMIN = MII + "core/modul-medikation/StructureDefinition/MedicationAdministration";
  static final String SPECIMEN = MII + "ext/modul-biobank/StructureDefinition/Specimen";
  static final String HEART_RATE = ICU + "mii-pr-icu-muv-herzfrequenz";
  static final String BLOOD_PRESSURE = ICU + "mii-pr-icu-muv-arterieller-blutdruck";
  static final String RESP_RATE = ICU + "mii-pr-icu-muv-atemfrequenz";
  static final String FIO2 = ICU + "mii-pr-icu-inspiratorische-sauerstofffraktion-eingestellt";
  static final String PEEP = ICU + "mii-pr-icu-positiv-endexpiratorischer-druck";
  static final String TIDAL_VOLUME = ICU + "mii-pr-icu-atemzugvolumen-einstellung";
  static final String VENTILATION = ICU + "mii-pr-icu-beatmung";
  static final String OXYGEN_SATURATION = "http://hl7.org/fhir/StructureDefinition/oxygensat";
  static final String BODY_TEMPERATURE = "http://hl7.org/fhir/StructureDefinition/bodytemp";

  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  static final String OPS = "http://fhir.de/CodeSystem/bfarm/ops";
  static final String ATC = "http://fhir.de/CodeSystem/bfarm/atc";
  static final String CEDIS = "http://fhir.de/CodeSystem/dki/cedis";
  static final String MTS = "http://aktin.org/fhir/CodeSystem/aktin-cs-manchestertriagesystem";
  static final String CONSENT_POLICY = "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3";
  static final String OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String DIAGNOSIS_ROLE = "http://terminology.hl7.org/CodeSystem/diagnosis-role";
  static final String DIAGNOSIS_USE = "http://fhir.de/CodeSystem/KontaktDiagnoseProzedur";
  static final String CONTACT_LEVEL = "http://fhir.de/CodeSystem/Kontaktebene";
  static final String CONTACT_TYPE = "http://fhir.de/CodeSystem/kontaktart-de";
  static final String DEPARTMENT = "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel";
  static final String ADMIT_SOURCE = "http://fhir.de/CodeSystem/dgkev/Aufnahmeanlass";
  static final String DISCHARGE = "http://fhir.de/StructureDefinition/Entlassungsgrund";
  static final String VENT_MODE = "https://www.datenraum.org/fhir/CodeSystem/beatmungsmodus";
  static final String LOCATION_ID = MII + "core/CodeSystem/core-location-identifier";

  private Profiles() {}
}
