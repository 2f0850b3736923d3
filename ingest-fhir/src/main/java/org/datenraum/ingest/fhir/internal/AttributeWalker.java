package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;

/**
 * Collects the coded qualifiers of a resource as {@link Attribute}s, keyed by their element path
 * without indices ({@code verificationStatus}, {@code collection.bodySite}, {@code dosage.route}).
 * CodeableConcepts and Codings become their codings; references become a coding in the system
 * {@value #REFERENCE_SYSTEM} with the pseudonymous {@code Type/id} as code; an extension is keyed
 * {@code extension(URL)}. Elements that are the fact itself (code, value, time, subject) are
 * skipped, as are references to people and places of care.
 */
public final class AttributeWalker {

  /** The system of reference attributes. */
  public static final String REFERENCE_SYSTEM = "urn:datenraum:reference";

  static final int MAX_DEPTH = 3;
  static final Set<String> SKIP = Set.of("resourceType", "id", "meta", "text",
      "identifier", "subject", "patient", "encounter", "context", "contained", "note", "code",
      "component", "medicationCodeableConcept", "medicationReference", "valueCodeableConcept",
      "valueQuantity", "valueCoding", "performer", "requester", "recorder", "asserter",
      "participant", "informationSource", "location", "serviceProvider", "collector",
      "managingOrganization", "organization", "author", "source", "resultsInterpreter",
      "interpreter", "referrer", "insurer", "provider", "device", "actor");
  private static final Set<String> SKIP_REFERENCE_TYPES = Set.of("Practitioner",
      "PractitionerRole", "Organization", "Location", "Device", "Patient", "RelatedPerson");

  /** Attributes are a set: sorted, so that element order in the input does not matter. */
  static final java.util.Comparator<Attribute> ORDER =
      java.util.Comparator.comparing(Attribute::key)
          .thenComparing(a -> a.value().system())
          .thenComparing(a -> a.value().code());

  private AttributeWalker() {}

  /** The attributes of a de-identified resource. */
  public static List<Attribute> of(JsonNode resource) {
    List<Attribute> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!SKIP.contains(f.getKey())) {
        visit(f.getKey(), f.getValue(), 1, out);
      }
    }
    out.sort(ORDER);
    return out;
  }

  private static void visit(String path, JsonNode node, int depth, List<Attribute> out) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        visit(path, element, depth, out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (path.endsWith("extension") || path.endsWith("modifierExtension")) {
      extension(node, depth, out);
      return;
    }
    if (node.has("coding")) {
      for (JsonNode c : node.path("coding")) {
        coding(path, c, out);
      }
      return;
    }
    if (node.has("system") && node.has("code") && !node.has("value")) {
      coding(path, node, out);
      return;
    }
    JsonNode ref = node.get("reference");
    if (ref != null && ref.isTextual()) {
      reference(path, ref.asText(), out);
      return;
    }
    if (depth < MAX_DEPTH) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!SKIP.contains(f.getKey()) || f.getKey().equals("code")) {
          visit(path + "." + f.getKey(), f.getValue(), depth + 1, out);
        }
      }
    }
  }

  private static void extension(JsonNode ext, int depth, List<Attribute> out) {
    String url = ext.path("url").asText(null);
    if (url == null) {
      return;
    }
    String key = "extension(" + url + ")";
    Iterator<Map.Entry<String, JsonNode>> fields = ext.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().startsWith("value")) {
        if (f.getKey().equals("valueCode")) {
          out.add(new Attribute(key, new Coding("", f.getValue().asText())));
        } else {
          visit(key, f.getValue(), depth + 1, out);
        }
      } else if (f.getKey().equals("extension") && depth < MAX_DEPTH) {
        for (JsonNode nested : f.getValue()) {
          extension(nested, depth + 1, out);
        }
      }
    }
  }

  private static void coding(String path, JsonNode c, List<Attribute> out) {
    String code = c.path("code").asText(null);
    if (code != null) {
      out.add(new Attribute(path, new Coding(c.path("system").asText(""), code)));
    }
  }

  private static void reference(String path, String ref, List<Attribute> out) {
    Attribute a = referenceAttribute(path, ref);
    if (a != null) {
      out.add(a);
    }
  }

  /** The attribute of a reference at {@code path}; null for references to people and places. */
  static Attribute referenceAttribute(String path, String ref) {
    int slash = ref.indexOf('/');
    if (slash > 0 && ref.indexOf('?') < 0
        && !SKIP_REFERENCE_TYPES.contains(ref.substring(0, slash))) {
      return new Attribute(path, new Coding(REFERENCE_SYSTEM, ref));
    }
    return null;
  }
}
