package org.datenraum.query.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.plan.CodeSet;

/**
 * The concept tree of the reference tools ({@code mapping_tree.json}): per context and code
 * system, each code's children. Immutable and thread-safe.
 */
final class ConceptTree {

  static final ConceptTree EMPTY = new ConceptTree(Map.of());

  /** context (lower case) + "|" + system → code → children. */
  private final Map<String, Map<String, List<String>>> children;

  private ConceptTree(Map<String, Map<String, List<String>>> children) {
    this.children = children;
  }

  /** Reads the array of trees; entries without children are kept as leaves. */
  static ConceptTree of(JsonNode root, String file) {
    if (!root.isArray()) {
      throw new MappingFormatException("DR-2032", file + " is not a JSON array of concept trees: expected the reference release's mapping_tree.json.");
    }
    Map<String, Map<String, List<String>>> all = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode tree = root.get(i);
      JsonNode context = tree.path("context").path("code");
      JsonNode system = tree.get("system");
      JsonNode entries = tree.get("entries");
      if (context.isMissingNode() || system == null || entries == null) {
        throw new MappingFormatException("DR-2032", "Tree $[" + i + "] of " + file
            + " lacks `context.code`, `system` or `entries`: expected the reference release's mapping_tree.json.");
      }
      Map<String, List<String>> codes = all.computeIfAbsent(key(context.asText(), system.asText()), k -> new HashMap<>());
      for (JsonNode e : entries) {
        List<String> kids = new java.util.ArrayList<>();
        e.path("children").forEach(c -> kids.add(c.asText()));
        codes.merge(e.path("key").asText(), List.copyOf(kids), (a, b) -> {
          var m = new java.util.ArrayList<>(a);
          m.addAll(b);
          return List.copyOf(m);
        });
      }
    }
    return new ConceptTree(all);
  }

  private static String key(String context, String system) {
    return context.toLowerCase(Locale.ROOT) + "|" + system;
  }

  /** The code and all codes below it in the tree of its context and system. */
  CodeSet expand(TermCode context, TermCode code) {
    Map<String, List<String>> tree = children.getOrDefault(key(context.code(), code.system()), Map.of());
    Set<Coding> out = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(code.code()));
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (seen.add(c)) {
        out.add(new Coding(code.system(), c));
        todo.addAll(tree.getOrDefault(c, List.of()));
      }
    }
    return new CodeSet(out, Set.of());
  }

  int size() {
    return children.values().stream().mapToInt(Map::size).sum();
  }
}
