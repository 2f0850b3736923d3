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
  DiagnosticReport,
  ResearchStudy,
  ResearchSubject,
  Questionnaire,
  QuestionnaireResponse;

  String fileName() {
    return name() + ".ndjson";
  }

  /** Whether only a cohort study ({@code --cohort}) writes this type. */
  boolean cohortOnly() {
    return ordinal() >= ResearchStudy.ordinal();
  }
}
