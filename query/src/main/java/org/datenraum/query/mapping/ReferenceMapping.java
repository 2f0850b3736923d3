package org.datenraum.query.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.plan.CodeSet;

/**
 * A mapping read from the reference tools' {@code mapping_fhir.json} and {@code mapping_tree.json}:
 * only the listed (context, code) pairs are known; codes expand along the concept tree. Immutable
 * and thread-safe.
 */
final class ReferenceMapping implements TermCodeMapping {

  private static final Coding PERMIT = new Coding("http://hl7.org/fhir/consent-provision-type", "permit");

  private final Map<String, MappingEntry> entries;
  private final ConceptTree tree;

  private ReferenceMapping(Map<String, MappingEntry> entries, ConceptTree tree) {
    this.entries = entries;
    this.tree = tree;
  }

  static ReferenceMapping of(JsonNode fhirMapping, ConceptTree tree, String file) {
    if (!fhirMapping.isArray()) {
      throw new MappingFormatException("DR-2032", file + " is not a JSON array: expected the reference release's mapping_fhir.json.");
    }
    Map<String, MappingEntry> entries = new HashMap<>();
    for (int i = 0; i < fhirMapping.size(); i++) {
      JsonNode e = fhirMapping.get(i);
      String path = file + " $[" + i + "]";
      String context = text(e.path("context").path("code"), path + ".context.code");
      String system = text(e.path("key").path("system"), path + ".key.system");
      String code = text(e.path("key").path("code"), path + ".key.code");
      String type = text(e.path("fhirResourceType"), path + ".fhirResourceType");
      entries.put(key(context, system, code), entry(e, type));
    }
    return new ReferenceMapping(entries, tree);
  }

  int size() {
    return entries.size();
  }

  private static MappingEntry entry(JsonNode e, String type) {
    String valueParam = e.path("valueSearchParameter").asText("");
    if (type.equals("Patient")) {
      if (valueParam.equals("gender")) {
        return new MappingEntry.PatientSex();
      }
      if (valueParam.contains("birth") || e.path("valueType").asText("").equalsIgnoreCase("Age")) {
        return new MappingEntry.PatientAge();
      }
    }
    JsonNode termParam = e.get("termCodeSearchParameter");
    AttributeTarget codeTarget = termParam == null || termParam.isNull()
        ? null : SearchParameters.target(termParam.asText(), type);
    return new MappingEntry.Facts(
        Set.of(type), codeTarget, fixed(e.path("fixedCriteria"), type),
        type.equals("Consent") ? PERMIT : null, attributes(e.path("attributeSearchParameters"), type),
        type.equals("Observation"));
  }

  private static List<MappingEntry.Fixed> fixed(JsonNode criteria, String type) {
    List<MappingEntry.Fixed> out = new ArrayList<>();
    for (JsonNode f : criteria) {
      Set<Coding> codes = new HashSet<>();
      for (JsonNode v : f.path("value")) {
        codes.add(new Coding(v.path("system").asText(""), v.path("code").asText()));
      }
      out.add(new MappingEntry.Fixed(SearchParameters.target(f.path("searchParameter").asText(), type), codes));
    }
    return out;
  }

  private static Map<String, AttributeTarget> attributes(JsonNode params, String type) {
    Map<String, AttributeTarget> out = new LinkedHashMap<>();
    for (JsonNode a : params) {
      String attributeType = a.path("attributeType").asText("");
      AttributeTarget target;
      if (attributeType.equals("reference")) {
        target = new AttributeTarget.Reference();
      } else if (attributeType.startsWith("composite")) {
        target = new AttributeTarget.Component();
      } else {
        target = SearchParameters.target(a.path("attributeSearchParameter").asText(), type);
      }
      out.put(a.path("attributeKey").path("code").asText(), target);
    }
    return out;
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new MappingFormatException("DR-2032", "Missing " + path + ": every mapping entry needs `context`, `key` and `fhirResourceType`.");
    }
    return node.asText();
  }

  private static String key(String context, String system, String code) {
    return context.toLowerCase(Locale.ROOT) + "|" + system + "|" + code;
  }

  @Override
  public Optional<MappingEntry> resolve(TermCode context, TermCode code) {
    return Optional.ofNullable(entries.get(key(context.code(), code.system(), code.code())));
  }

  @Override
  public CodeSet expand(TermCode context, TermCode code) {
    return tree.expand(context, code);
  }

  @Override
  public String describe() {
    return "the mapping directory lists " + entries.size() + " term codes";
  }
}
