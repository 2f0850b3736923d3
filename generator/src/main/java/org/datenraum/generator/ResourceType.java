package org.datenraum.generator;

/** The resource types the generator writes, one NDJSON file each, in file order. */
enum ResourceType {
  Patient,
  Consent,
  Encounter,
  Condition,
  Procedure,
  Observation,
  Medication,
  MedicationRequest,
  MedicationAdministration,
  Specimen,
  ImagingStudy,
  DiagnosticReport;

  String fileName() {
    return name() + ".ndjson";
  }
}
