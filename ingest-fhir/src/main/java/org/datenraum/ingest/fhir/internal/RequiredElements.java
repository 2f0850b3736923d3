package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Problem;

/**
 * The elements that FHIR R4 requires (1..1) and without which a resource of a fact-yielding type
 * means nothing: its code, class or medication. Other required elements (status, intent) are
 * often missing in routine data and are not needed for a fact, so their absence is tolerated.
 */
final class RequiredElements {

  private static final Map<String, List<String>> REQUIRED = Map.of(
      "Observation", List.of("code"),
      "MedicationAdministration", List.of("medication[x]"),
      "MedicationStatement", List.of("medication[x]"),
      "MedicationRequest", List.of("medication[x]"),
      "DiagnosticReport", List.of("code"),
      "Encounter", List.of("class"));

  private RequiredElements() {}

  /** The first missing required element as a problem, or null if none is missing. */
  static Problem check(String type, JsonNode r) {
    for (String element : REQUIRED.getOrDefault(type, List.of())) {
      boolean present = element.endsWith("[x]")
          ? r.has("medicationCodeableConcept") || r.has("medicationReference")
          : r.hasNonNull(element);
      if (!present) {
        return Problem.invalid("DR-1011", type + " has no `" + element
            + "`, which FHIR R4 requires: add it at the source or leave the resource out.");
      }
    }
    return null;
  }
}
