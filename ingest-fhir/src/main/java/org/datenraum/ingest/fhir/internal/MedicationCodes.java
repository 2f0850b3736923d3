package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.datenraum.core.Coding;
import org.datenraum.core.Problem;

/**
 * The medication codes of a MedicationAdministration, -Statement or -Request, and the codes a
 * Medication or Location record keeps for resources that refer to it.
 */
final class MedicationCodes {

  /** Codes found, or the problem why they cannot be found (yet). */
  record Found(List<Coding> codes, Problem problem) {
    Found {
      codes = List.copyOf(codes);
    }
  }

  private MedicationCodes() {}

  /**
   * The codes of {@code medicationCodeableConcept}, or of the Medication that
   * {@code medicationReference} points to (contained, in this load, or stored).
   */
  static Found of(JsonNode r, Map<String, String> fullUrls, Pseudonyms pseudonyms,
      Function<String, List<Coding>> known) {
    if (r.has("medicationCodeableConcept")) {
      return new Found(codings(r.path("medicationCodeableConcept")), null);
    }
    String ref = r.path("medicationReference").path("reference").asText(null);
    if (ref != null && ref.startsWith("#")) {
      for (JsonNode c : r.path("contained")) {
        if (ref.substring(1).equals(c.path("id").asText())) {
          return new Found(ownCodes(c), null);
        }
      }
    }
    String target = ReferenceTarget.of(ref, fullUrls);
    if (target != null && target.startsWith("Medication/")) {
      List<Coding> codes = known.apply(pseudonyms.reference(target).substring(11));
      if (!codes.isEmpty()) {
        return new Found(codes, null);
      }
    }
    return new Found(List.of(), Problem.notFound("DR-1018", "`medicationReference` points to a"
        + " Medication that is neither in this load nor in the store, or that has no code: load the"
        + " Medication, with a code or coded ingredients."));
  }

  /** A Medication's own codes: its code, and the codes of its ingredients (for compounded ones). */
  static List<Coding> ownCodes(JsonNode medication) {
    List<Coding> codes = codings(medication.path("code"));
    for (JsonNode ingredient : medication.path("ingredient")) {
      codes.addAll(codings(ingredient.path("itemCodeableConcept")));
    }
    return codes;
  }

  /** A Location's codes: the codings of its {@code type}s (the kind of unit, e.g. an ICU). */
  static List<Coding> locationTypes(JsonNode location) {
    List<Coding> codes = new ArrayList<>();
    for (JsonNode type : location.path("type")) {
      codes.addAll(codings(type));
    }
    return codes;
  }

  /** The codings of a CodeableConcept that carry a code, in a list the caller may extend. */
  static List<Coding> codings(JsonNode concept) {
    List<Coding> out = new ArrayList<>();
    for (JsonNode c : concept.path("coding")) {
      if (c.hasNonNull("code")) {
        out.add(new Coding(c.path("system").asText(""), c.path("code").asText()));
      }
    }
    return out;
  }
}
