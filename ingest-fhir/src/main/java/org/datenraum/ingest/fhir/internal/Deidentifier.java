package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Removes direct identifiers from a resource, in place, and replaces ids and references by their
 * pseudonyms. Everywhere: the narrative, business identifiers, contained resources, and the
 * display text of references go. A Patient keeps only its id, meta, gender, and birth and death
 * reduced to year and month.
 */
public final class Deidentifier {

  private static final Set<String> PATIENT_KEEPS =
      Set.of("resourceType", "id", "meta", "gender", "birthDate", "deceasedBoolean",
          "deceasedDateTime");
  private static final Set<String> EVERYWHERE_DROPS = Set.of("text", "identifier", "contained");

  private Deidentifier() {}

  /**
   * De-identifies {@code resource} in place.
   *
   * @param pseudonymousId the resource's new id
   * @param references     maps each reference string to its pseudonymous form
   */
  public static void apply(ObjectNode resource, String pseudonymousId,
      UnaryOperator<String> references) {
    if ("Patient".equals(resource.path("resourceType").asText())) {
      resource.retain(PATIENT_KEEPS);
      coarsen(resource, "birthDate");
      coarsen(resource, "deceasedDateTime");
    } else {
      resource.remove(EVERYWHERE_DROPS);
      rewrite(resource, references);
    }
    resource.put("id", pseudonymousId);
    JsonNode meta = resource.get("meta");
    if (meta instanceof ObjectNode m) {
      m.remove(Set.of("source", "versionId", "lastUpdated"));
    }
  }

  private static void coarsen(ObjectNode resource, String field) {
    JsonNode v = resource.get(field);
    if (v != null && v.isTextual()) {
      try {
        YearMonth ym = FhirDates.yearMonth(v.asText());
        if (ym == null) {
          resource.put(field, v.asText().substring(0, 4));
        } else {
          resource.put(field, ym.toString());
        }
      } catch (RuntimeException e) {
        resource.remove(field);
      }
    }
  }

  private static void rewrite(JsonNode node, UnaryOperator<String> references) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("reference");
      if (ref != null && ref.isTextual()) {
        String replaced = references.apply(ref.asText());
        if (replaced == null) {
          o.remove("reference");
        } else {
          o.put("reference", replaced);
        }
        o.remove("display");
        o.remove("identifier");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        JsonNode child = fields.next().getValue();
        if (child.isContainerNode()) {
          rewrite(child, references);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        if (child.isContainerNode()) {
          rewrite(child, references);
        }
      }
    }
  }
}
