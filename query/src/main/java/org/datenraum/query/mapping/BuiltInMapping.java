package org.datenraum.query.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The mapping shipped with Datenraum ({@code builtin-mapping.json}): every code of a known context
 * maps to facts of that context's resource types; patient gender and age codes and the FDPG
 * combined-consent codes are special keys. Immutable and thread-safe.
 */
final class BuiltInMapping implements TermCodeMapping {

  private static final String RESOURCE = "builtin-mapping.json";

  private final Map<String, MappingEntry.Facts> contexts;
  private final List<String> contextNames;
  private final Map<String, MappingEntry> patientKeys;
  private final CombinedConsent consent;

  private BuiltInMapping(
      Map<String, MappingEntry.Facts> contexts, List<String> contextNames,
      Map<String, MappingEntry> patientKeys, CombinedConsent consent) {
    this.contexts = contexts;
    this.contextNames = contextNames;
    this.patientKeys = patientKeys;
    this.consent = consent;
  }

  static BuiltInMapping load() {
    try (InputStream in = BuiltInMapping.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BuiltInMapping of(JsonNode root) {
    Map<String, MappingEntry.Facts> contexts = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (JsonNode c : root.get("contexts")) {
      MappingEntry.Facts facts = facts(c);
      names.add(c.get("codes").get(0).asText());
      for (JsonNode code : c.get("codes")) {
        contexts.put(key(code.asText()), facts);
      }
    }
    Map<String, MappingEntry> keys = new HashMap<>();
    for (JsonNode k : root.get("patientKeys")) {
      MappingEntry e = switch (k.get("target").asText()) {
        case "sex" -> new MappingEntry.PatientSex();
        case "ventilation-episode" -> new MappingEntry.VentilationEpisode();
        default -> new MappingEntry.PatientAge();
      };
      keys.put(key(k.get("context").asText()) + "|" + k.get("system").asText() + "|" + k.get("code").asText(), e);
    }
    return new BuiltInMapping(contexts, List.copyOf(names), keys, CombinedConsent.of(root.get("combinedConsent")));
  }

  private static MappingEntry.Facts facts(JsonNode c) {
    Set<String> types = new HashSet<>();
    c.get("resourceTypes").forEach(t -> types.add(t.asText()));
    JsonNode codeAt = c.get("codeAt");
    AttributeTarget codeTarget = codeAt == null ? new AttributeTarget.Code() : AttributeTarget.parse(codeAt.asText());
    Map<String, AttributeTarget> attributes = new LinkedHashMap<>();
    JsonNode attrs = c.get("attributes");
    if (attrs != null) {
      attrs.fields().forEachRemaining(f -> attributes.put(f.getKey(), AttributeTarget.parse(f.getValue().asText())));
    }
    JsonNode v = c.get("requiredValue");
    Coding required = v == null ? null : new Coding(v.get("system").asText(), v.get("code").asText());
    JsonNode components = c.get("components");
    return new MappingEntry.Facts(
        types, codeTarget, List.of(), required, attributes, components != null && components.asBoolean());
  }

  private static String key(String context) {
    return context.toLowerCase(Locale.ROOT);
  }

  @Override
  public Optional<MappingEntry> resolve(TermCode context, TermCode code) {
    String ctx = key(context.code());
    MappingEntry special = patientKeys.get(ctx + "|" + code.system() + "|" + code.code());
    if (special != null) {
      return Optional.of(special);
    }
    MappingEntry.Facts facts = contexts.get(ctx);
    if (facts == null) {
      return Optional.empty();
    }
    if (consent.handles(context, code)) {
      return consent.entry(code, facts);
    }
    return Optional.of(facts);
  }

  @Override
  public CodeSet expand(TermCode context, TermCode code) {
    Set<Coding> codes = new HashSet<>();
    Set<Coding> prefixes = new HashSet<>();
    for (String system : Classifications.aliases(code.system())) {
      Coding c = new Coding(system, code.code());
      codes.add(c);
      if (Classifications.isPrefixHierarchy(system)) {
        prefixes.add(c);
      }
    }
    return new CodeSet(codes, prefixes);
  }

  @Override
  public String describe() {
    return "the built-in mapping knows the contexts " + String.join(", ", contextNames);
  }
}
