package org.datenraum.ingest.fhir;

import java.util.Map;

/**
 * One valid resource per type, as JSON text: for the types that yield facts, a resource with
 * codes, values, times and attributes the fact contract reads; for the others, a bare one.
 */
final class BaseResources {

  static final String PATIENT = Fhir.patient("p1", "1970-05-12");
  static final String MEDICATION = "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":"
      + coding("http://fhir.de/CodeSystem/bfarm/atc", "A10BA02") + "}";

  static final String STUDY = "{\"resourceType\":\"ResearchStudy\",\"id\":\"st1\",\"status\":\"active\","
      + "\"identifier\":[{\"system\":\"https://example.org/studies\",\"value\":\"S-1\"}]}";
  private static final String SUBJECT = "\"subject\":{\"reference\":\"Patient/p1\"}";
  private static final Map<String, String> FACT_TYPES = Map.ofEntries(
      Map.entry("Patient", "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"gender\":\"male\","
          + "\"birthDate\":\"1980-02\"}"),
      Map.entry("Medication", "{\"resourceType\":\"Medication\",\"id\":\"m2\",\"code\":"
          + coding("http://fhir.de/CodeSystem/bfarm/atc", "C07AB02") + "}"),
      Map.entry("Condition", Fhir.condition("c1", "Patient/p1", "E11.9", "2020-02-02")),
      Map.entry("Observation", "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":"
          + "\"final\"," + SUBJECT + ",\"code\":" + coding("http://loinc.org", "718-7")
          + ",\"effectiveDateTime\":\"2024-03-01T10:00:00+01:00\",\"valueQuantity\":{\"value\":"
          + "13.5,\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g/dL\"},"
          + "\"interpretation\":[" + coding("http://terminology.hl7.org/CodeSystem/"
          + "v3-ObservationInterpretation", "N") + "],\"component\":[{\"code\":"
          + coding("http://loinc.org", "8480-6") + ",\"valueCodeableConcept\":{\"text\":"
          + "\"positive\"}}]}"),
      Map.entry("Procedure", "{\"resourceType\":\"Procedure\",\"id\":\"pr1\",\"status\":"
          + "\"completed\"," + SUBJECT + ",\"code\":" + coding("http://fhir.de/CodeSystem/bfarm/ops",
          "5-470") + ",\"performedDateTime\":\"2021-01-05\",\"bodySite\":["
          + coding("http://snomed.info/sct", "66754008") + "]}"),
      Map.entry("MedicationAdministration", "{\"resourceType\":\"MedicationAdministration\","
          + "\"id\":\"ma1\",\"status\":\"completed\"," + SUBJECT + ",\"medicationReference\":"
          + "{\"reference\":\"Medication/m1\"},\"effectivePeriod\":{\"start\":\"2022-01-01\","
          + "\"end\":\"2022-01-03\"},\"dosage\":{\"route\":" + coding("http://standardterms.edqm.eu",
          "20053000") + "}}"),
      Map.entry("MedicationStatement", "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms1\","
          + "\"status\":\"active\"," + SUBJECT + ",\"medicationCodeableConcept\":"
          + coding("http://fhir.de/CodeSystem/bfarm/atc", "B01AC06") + ",\"effectiveDateTime\":"
          + "\"2022-05-01\"}"),
      Map.entry("MedicationRequest", "{\"resourceType\":\"MedicationRequest\",\"id\":\"mr1\","
          + "\"status\":\"active\",\"intent\":\"order\"," + SUBJECT + ",\"medicationReference\":"
          + "{\"reference\":\"Medication/m1\"},\"authoredOn\":\"2022-06-01\","
          + "\"dosageInstruction\":[{\"route\":" + coding("http://standardterms.edqm.eu", "20053000")
          + "}]}"),
      Map.entry("Specimen", "{\"resourceType\":\"Specimen\",\"id\":\"s1\"," + SUBJECT
          + ",\"type\":" + coding("http://snomed.info/sct", "119297000") + ",\"collection\":"
          + "{\"collectedDateTime\":\"2023-02-02\",\"bodySite\":" + coding("urn:oid:2.16.840.1."
          + "113883.6.43.1", "C34.1") + "},\"extension\":[{\"url\":\"https://www.medizininformatik"
          + "-initiative.de/fhir/ext/modul-biobank/StructureDefinition/Diagnose\","
          + "\"valueReference\":{\"reference\":\"Condition/c1\"}}]}"),
      Map.entry("Consent", "{\"resourceType\":\"Consent\",\"id\":\"co1\",\"status\":\"active\","
          + "\"patient\":{\"reference\":\"Patient/p1\"},\"dateTime\":\"2021-04-01\",\"scope\":"
          + coding("http://terminology.hl7.org/CodeSystem/consentscope", "research")
          + ",\"category\":[" + coding("http://loinc.org", "57016-8") + "],\"provision\":{\"type\":"
          + "\"deny\",\"period\":{\"start\":\"2021-04-01\",\"end\":\"2051-04-01\"},\"provision\":"
          + "[{\"type\":\"permit\",\"period\":{\"start\":\"2021-04-01\",\"end\":\"2026-04-01\"},"
          + "\"code\":[" + coding("urn:oid:2.16.840.1.113883.3.1937.777.24.5.3",
          "2.16.840.1.113883.3.1937.777.24.5.3.8") + "]}]}}"),
      Map.entry("Encounter", "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\","
          + SUBJECT + ",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
          + "\"code\":\"IMP\"},\"type\":[" + coding("http://fhir.de/CodeSystem/Kontaktebene",
          "einrichtungskontakt") + "],\"serviceType\":" + coding("http://fhir.de/CodeSystem/dkgev/"
          + "Fachabteilungsschluessel", "0100") + ",\"period\":{\"start\":\"2020-01-01\",\"end\":"
          + "\"2020-01-09\"},\"hospitalization\":{\"admitSource\":" + coding("http://fhir.de/"
          + "CodeSystem/dgkev/Aufnahmeanlass", "E") + "}}"),
      Map.entry("DiagnosticReport", "{\"resourceType\":\"DiagnosticReport\",\"id\":\"d1\","
          + "\"status\":\"final\"," + SUBJECT + ",\"code\":" + coding("http://loinc.org", "11502-2")
          + ",\"issued\":\"2023-03-03T08:00:00Z\",\"conclusionCode\":["
          + coding("http://snomed.info/sct", "281900007") + "]}"),
      Map.entry("QuestionnaireResponse", "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"q1\","
          + "\"status\":\"completed\"," + SUBJECT + ",\"questionnaire\":\"https://example.org/Questionnaire/v\","
          + "\"authored\":\"2023-05-05\",\"item\":[{\"linkId\":\"q1\",\"answer\":[{\"valueCoding\":"
          + "{\"system\":\"http://loinc.org\",\"code\":\"LA33-6\"}}]}]}"),
      Map.entry("BiologicallyDerivedProduct", "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"b1\","
          + "\"productCategory\":\"cells\",\"productCode\":" + coding("http://snomed.info/sct", "119361006")
          + ",\"quantity\":2,\"collection\":{\"source\":{\"reference\":\"Patient/p1\"},\"collectedDateTime\":"
          + "\"2023-02-02\"},\"storage\":[{\"temperature\":-80,\"scale\":\"celsius\"}]}"),
      Map.entry("ResearchSubject", "{\"resourceType\":\"ResearchSubject\",\"id\":\"rs1\",\"status\":\"on-study\","
          + "\"individual\":{\"reference\":\"Patient/p1\"},\"study\":{\"reference\":\"ResearchStudy/st1\"},"
          + "\"period\":{\"start\":\"2024-01-01\"},\"assignedArm\":\"A\"}"),
      Map.entry("ImagingStudy", "{\"resourceType\":\"ImagingStudy\",\"id\":\"i1\",\"status\":"
          + "\"available\"," + SUBJECT + ",\"started\":\"2023-04-04T09:00:00Z\",\"modality\":[{"
          + "\"system\":\"http://dicom.nema.org/resources/ontology/DCM\",\"code\":\"CT\"}],"
          + "\"series\":[{\"uid\":\"1.2.3\",\"modality\":{\"system\":\"http://dicom.nema.org/"
          + "resources/ontology/DCM\",\"code\":\"CT\"},\"bodySite\":{\"system\":"
          + "\"http://snomed.info/sct\",\"code\":\"51185008\"}}]}"));

  private BaseResources() {}

  static String of(String type) {
    return FACT_TYPES.getOrDefault(type, "{\"resourceType\":\"" + type + "\",\"id\":\"r1\"}");
  }

  private static String coding(String system, String code) {
    return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}";
  }
}
