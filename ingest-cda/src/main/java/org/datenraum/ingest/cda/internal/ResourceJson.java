package org.datenraum.ingest.cda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.Sex;

/**
 * The de-identified JSON the store keeps beside the facts of an imported visit: FHIR-shaped, with
 * pseudonyms only. The encounter lists its statements' resources, so that a newer document can
 * replace them all. Stateless.
 */
public final class ResourceJson {

  /** The extension of an Encounter that names one of the visit's other resources. */
  public static final String PART = "urn:datenraum:cda-part";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResourceJson() {}

  static String encounter(String id, String patient, List<String> parts) {
    ObjectNode o = base("Encounter", id, patient, null);
    o.putObject("class").put("system", VisitMapper.ACT_CODE).put("code", "EMER");
    ArrayNode ext = o.putArray("extension");
    parts.forEach(p -> ext.addObject().put("url", PART).put("valueString", p));
    return o.toString();
  }

  static String patient(String id, YearMonth birth, Sex sex) {
    ObjectNode o = JSON.createObjectNode();
    o.put("resourceType", "Patient").put("id", id).put("gender", sex.code());
    if (birth != null) {
      o.put("birthDate", birth.toString());
    }
    return o.toString();
  }

  static String of(Fact f) {
    ObjectNode o = base(f.resourceType(), f.resourceId(), f.patient(), f.encounter());
    o.put("status", f.status());
    o.putObject("code").putArray("coding").addObject().put("system", f.code().system())
        .put("code", f.code().code());
    if (f.start() != null) {
      o.put("effectiveDateTime", f.start().toString());
    }
    if (f.value() instanceof FactValue.Coded c) {
      o.putObject("valueCodeableConcept").putArray("coding").addObject()
          .put("system", c.coding().system()).put("code", c.coding().code());
    } else if (f.value() instanceof FactValue.Quantity q) {
      o.putObject("valueQuantity").put("value", q.number()).put("unit", q.unit());
    }
    for (Attribute a : f.attributes()) {
      o.putObject(a.key()).put("system", a.value().system()).put("code", a.value().code());
    }
    return o.toString();
  }

  private static ObjectNode base(String type, String id, String patient, String encounter) {
    ObjectNode o = JSON.createObjectNode();
    o.put("resourceType", type).put("id", id);
    o.putObject("subject").put("reference", "Patient/" + patient);
    if (encounter != null) {
      o.putObject("encounter").put("reference", "Encounter/" + encounter);
    }
    return o;
  }

  /** The patient reference and the part keys of a stored encounter's JSON. */
  public record Stored(String patient, List<String> parts) {}

  /** Reads a stored encounter's JSON as {@link #encounter} wrote it. */
  public static Stored read(String json) {
    try {
      var node = JSON.readTree(json);
      String ref = node.path("subject").path("reference").asText("");
      List<String> parts = new java.util.ArrayList<>();
      node.path("extension").forEach(e -> {
        if (PART.equals(e.path("url").asText())) {
          parts.add(e.path("valueString").asText());
        }
      });
      return new Stored(ref.startsWith("Patient/") ? ref.substring(8) : ref, parts);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a stored encounter's JSON is unreadable", e);
    }
  }
}
