package org.datenraum.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.datenraum.ingest.fhir.internal.R4ElementsFromHapi;

/**
 * Plants identifying content, each piece a unique seeded token, into every element of a resource
 * whose FHIR type can hold it (names, addresses, telecom, identifiers, attachments, notes, the
 * narrative, free text), down to a few levels, in extensions and contained resources, and into
 * the birth dates of people other than the patient. Elements the fact contract needs are left
 * as they are. Not thread-safe.
 */
final class PlantedResources {

  static final Set<String> IDENTIFYING_TYPES = Set.of("HumanName", "Address", "ContactPoint",
      "Identifier", "Attachment", "Annotation", "Narrative", "Signature", "ContactDetail",
      "string", "markdown", "base64Binary", "xhtml");
  private static final Set<String> PERSON_DATES =
      Set.of("Person.birthDate", "RelatedPerson.birthDate", "Practitioner.birthDate");
  /** Strings the fact contract keeps (docs/facts.md): not planted. */
  private static final Set<String> CONTRACT = Set.of("Observation.value[x]",
      "Observation.component.value[x]", "Reference.reference", "Quantity.unit", "Age.unit",
      "Duration.unit", "Count.unit", "Distance.unit", "SimpleQuantity.unit", "MoneyQuantity.unit",
      "QuestionnaireResponse.item.linkId", "ResearchSubject.assignedArm", "ResearchSubject.actualArm");
  /** What a planted token looks like. */
  static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("zq[a-z]{10}");
  private static final String EXTENSION_URL = "http://example.org/fhir/StructureDefinition/x";
  private static final int NEW_ELEMENTS_DEPTH = 3;
  private static final int EXTENSION_DEPTH = 1;

  private final Map<String, Map<String, String>> model = R4ElementsFromHapi.model();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Random random;
  /** Every token planted so far, with the path it was planted at. */
  final Map<String, String> planted = new LinkedHashMap<>();

  PlantedResources(long seed) {
    this.random = new Random(seed);
  }

  /** Plants into {@code resource} (of its {@code resourceType}), in place. */
  ObjectNode plant(ObjectNode resource) {
    String type = resource.path("resourceType").asText();
    into(resource, type, type, 0);
    resource.put("plantedUnknownElement", token(type + ".plantedUnknownElement"));
    return resource;
  }

  private void into(ObjectNode node, String owner, String path, int depth) {
    Map<String, String> children = new LinkedHashMap<>(model.get(owner));
    if (!children.containsKey("meta")) {
      children.put("id", "string");
    }
    children.forEach((name, type) -> {
      if (CONTRACT.contains(owner + "." + name)) {
        return;
      }
      if (name.endsWith("[x]")) {
        choice(node, name.substring(0, name.length() - 3), type, owner, path, depth);
      } else {
        element(node, name, type, owner, path, depth);
      }
    });
    if (depth <= EXTENSION_DEPTH && !owner.equals("Extension")) {
      ObjectNode ext = nodes.objectNode().put("url", EXTENSION_URL);
      into(ext, "Extension", path + ".extension", depth + 1);
      node.withArray("extension").add(ext);
    }
  }

  private void choice(ObjectNode node, String stem, String types, String owner, String path,
      int depth) {
    boolean present = false;
    for (String t : types.split(",")) {
      present |= node.has(stem + capitalised(t));
    }
    for (String t : types.split(",")) {
      String name = stem + capitalised(t);
      if (!present || node.has(name)) {
        element(node, name, t, owner, path, depth);
      }
    }
  }

  private void element(ObjectNode node, String name, String type, String owner, String path,
      int depth) {
    String p = path + "." + name;
    JsonNode existing = node.get(name);
    if (IDENTIFYING_TYPES.contains(type)) {
      if (existing == null) {
        node.set(name, identifying(type, p, depth));
      }
    } else if (PERSON_DATES.contains(owner + "." + name)) {
      node.put(name, String.format("19%02d-%02d-%02d", random.nextInt(100), 1 + random.nextInt(12),
          1 + random.nextInt(28)));
      planted.put(node.get(name).asText(), p);
    } else if (type.equals("Resource")) {
      ObjectNode contained = nodes.objectNode().put("resourceType", "Patient").put("id", "c1");
      contained.withArray("name").addObject().put("family", token(p + ".name.family"));
      node.withArray(name).add(contained);
    } else if (model.containsKey(type)) {
      composite(node, name, type, p, depth, existing);
    }
  }

  private void composite(ObjectNode node, String name, String type, String p, int depth,
      JsonNode existing) {
    if (existing instanceof ObjectNode o) {
      into(o, type, p, depth + 1);
    } else if (existing instanceof ArrayNode a) {
      for (JsonNode e : a) {
        if (e instanceof ObjectNode o) {
          into(o, type, p, depth + 1);
        }
      }
    } else if (existing == null && depth < NEW_ELEMENTS_DEPTH) {
      ObjectNode created = nodes.objectNode();
      if (type.equals("Extension")) {
        created.put("url", EXTENSION_URL);
      }
      into(created, type, p, depth + 1);
      if (created.size() > 0) {
        node.set(name, created);
      }
    }
  }

  private JsonNode identifying(String type, String path, int depth) {
    return switch (type) {
      case "string", "markdown" -> nodes.textNode(token(path));
      case "base64Binary" -> {
        String encoded = Base64.getEncoder()
            .encodeToString(token(path).getBytes(StandardCharsets.UTF_8));
        planted.put(encoded, path);
        yield nodes.textNode(encoded);
      }
      case "xhtml" -> nodes.textNode("<div xmlns=\"http://www.w3.org/1999/xhtml\">"
          + token(path) + "</div>");
      default -> {
        ObjectNode o = nodes.objectNode();
        into(o, type, path, Math.max(depth + 1, EXTENSION_DEPTH + 1));
        yield o;
      }
    };
  }

  private String token(String path) {
    StringBuilder t = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      t.append((char) ('a' + random.nextInt(26)));
    }
    planted.put(t.toString(), path);
    return t.toString();
  }

  private static String capitalised(String type) {
    return Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }
}
