package org.datenraum.ingest.fhir;

/** Small synthetic FHIR resources as JSON text, for tests. */
final class Fhir {

  private Fhir() {}

  static String patient(String id, String birthDate) {
    return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"identifier\":[{\"system\":"
        + "\"urn:mrn\",\"value\":\"MRN-" + id + "\"}],\"name\":[{\"family\":\"Mustermann\","
        + "\"given\":[\"Erika\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":\"+49 30 1234\"}],"
        + "\"address\":[{\"city\":\"Berlin\",\"line\":[\"Hauptstr. 1\"]}],\"gender\":\"female\","
        + "\"birthDate\":\"" + birthDate + "\"}";
  }

  static String condition(String id, String patientRef, String icd, String onset) {
    return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\""
        + patientRef + "\",\"display\":\"Erika Mustermann\"},\"code\":{\"coding\":[{\"system\":"
        + "\"http://fhir.de/CodeSystem/bfarm/icd-10-gm\",\"code\":\"" + icd + "\"}]},"
        + "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/"
        + "CodeSystem/condition-ver-status\",\"code\":\"confirmed\"}]},"
        + "\"onsetDateTime\":\"" + onset + "\"}";
  }

  static String observation(String id, String patientRef, String loinc, String value) {
    return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
        + "\"subject\":{\"reference\":\"" + patientRef + "\"},\"code\":{\"coding\":[{\"system\":"
        + "\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"effectiveDateTime\":"
        + "\"2024-03-01T10:00:00+01:00\",\"valueQuantity\":{\"value\":" + value
        + ",\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g/dL\"}}";
  }

  static String transaction(String... entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
        + String.join(",", entries) + "]}";
  }

  static String put(String resource, String url) {
    return "{\"resource\":" + resource + ",\"request\":{\"method\":\"PUT\",\"url\":\"" + url + "\"}}";
  }

  static String post(String fullUrl, String resource, String type) {
    return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource
        + ",\"request\":{\"method\":\"POST\",\"url\":\"" + type + "\"}}";
  }

  static String delete(String url) {
    return "{\"request\":{\"method\":\"DELETE\",\"url\":\"" + url + "\"}}";
  }
}
