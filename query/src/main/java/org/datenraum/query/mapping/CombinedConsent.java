package org.datenraum.query.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.TermCode;

/**
 * The FDPG combined-consent codes ({@code yes-yes-no-no}): four yes/no answers, each requiring a
 * set of MII broad-consent provisions to be permitted. Immutable.
 */
final class CombinedConsent {

  private final String context;
  private final String system;
  private final String provisionSystem;
  private final List<List<List<String>>> answers;

  private CombinedConsent(String context, String system, String provisionSystem, List<List<List<String>>> answers) {
    this.context = context;
    this.system = system;
    this.provisionSystem = provisionSystem;
    this.answers = answers;
  }

  static CombinedConsent of(JsonNode node) {
    List<List<List<String>>> answers = new ArrayList<>();
    for (JsonNode a : node.get("answers")) {
      answers.add(List.of(texts(a.get("yes")), texts(a.get("no"))));
    }
    return new CombinedConsent(
        node.get("context").asText(), node.get("system").asText(), node.get("provisionSystem").asText(),
        List.copyOf(answers));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  boolean handles(TermCode ctx, TermCode code) {
    return ctx.code().equalsIgnoreCase(context) && code.system().equals(system);
  }

  /** The consent entry with one fixed criterion per required provision; empty for a malformed code. */
  Optional<MappingEntry> entry(TermCode code, MappingEntry.Facts consent) {
    String[] parts = code.code().toLowerCase(Locale.ROOT).split("-");
    if (parts.length != answers.size()) {
      return Optional.empty();
    }
    List<MappingEntry.Fixed> fixed = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int answer = switch (parts[i]) {
        case "yes" -> 0;
        case "no" -> 1;
        default -> -1;
      };
      if (answer < 0) {
        return Optional.empty();
      }
      for (String provision : answers.get(i).get(answer)) {
        fixed.add(new MappingEntry.Fixed(new AttributeTarget.Code(), Set.of(new Coding(provisionSystem, provision))));
      }
    }
    return Optional.of(new MappingEntry.Facts(
        consent.resourceTypes(), null, fixed, consent.requiredValue(), consent.attributes(), false));
  }
}
