package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Removes identifying content from a resource, in place, as {@link DeidentificationRules} says
 * for its type, and replaces ids and references by their pseudonyms. Elements R4 does not define
 * for the type are removed too. A Patient keeps only its id, meta, gender, and birth and death
 * reduced to year and month.
 */
public final class Deidentifier {

  private Deidentifier() {}

  /**
   * De-identifies {@code resource} in place.
   *
   * @param pseudonymousId the resource's new id
   * @param references     maps each reference string to its pseudonymous form, or to null when
   *                       it has none (the reference is then removed)
   */
  public static void apply(ObjectNode resource, String pseudonymousId,
      UnaryOperator<String> references) {
    String type = resource.path("resourceType").asText();
    if (type.equals("Patient")) {
      resource.retain(DeidentificationRules.PATIENT_KEEPS);
      coarsen(resource, "birthDate");
      coarsen(resource, "deceasedDateTime");
    }
    ElementShapes.Shape shape = ElementShapes.ofResource(type);
    if (shape == null) {
      throw new IllegalArgumentException("no R4 element types for resource type " + type);
    }
    walk(resource, shape, references);
    resource.put("id", pseudonymousId);
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

  private static void walk(ObjectNode node, ElementShapes.Shape shape,
      UnaryOperator<String> references) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Object rule = shape.rule(field.getKey());
      if (rule == ElementShapes.Action.KEEP) {
        continue;
      }
      JsonNode value = field.getValue();
      if (rule instanceof ElementShapes.Shape child && value.isContainerNode()) {
        descend(value, child, references);
      } else if (rule == ElementShapes.Action.REFERENCE && value.isTextual()) {
        String replaced = references.apply(value.asText());
        if (replaced == null) {
          fields.remove();
        } else {
          field.setValue(node.textNode(replaced));
        }
      } else {
        fields.remove();
      }
    }
  }

  private static void descend(JsonNode value, ElementShapes.Shape shape,
      UnaryOperator<String> references) {
    if (value instanceof ObjectNode o) {
      walk(o, shape, references);
    } else if (value instanceof ArrayNode a) {
      for (int i = a.size() - 1; i >= 0; i--) {
        if (a.get(i) instanceof ObjectNode o) {
          walk(o, shape, references);
        } else if (!a.get(i).isNull()) {
          a.remove(i);
        }
      }
    }
  }
}
