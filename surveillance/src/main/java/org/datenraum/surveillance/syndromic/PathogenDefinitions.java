package org.datenraum.surveillance.syndromic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * Reads pathogen finding definitions from a table (the built-in one is {@code pathogens.tsv}
 * beside this class). Columns: id, label, LOINC codes.
 */
public final class PathogenDefinitions {

  private static final String BUILT_IN = "pathogens.tsv";

  private PathogenDefinitions() {}

  /** The built-in definitions (MRSA, VRE, influenza, RSV, SARS-CoV-2, norovirus). */
  public static List<PathogenDefinition> builtIn() {
    return parse(DefinitionTable.resource(BUILT_IN), BUILT_IN).value();
  }

  /** Parses a definition table; {@code source} names it in problems. */
  public static Result<List<PathogenDefinition>> parse(String text, String source) {
    List<Problem> problems = new ArrayList<>();
    List<PathogenDefinition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DefinitionTable.Row row : DefinitionTable.rows(text, source, 3, problems)) {
      List<String> c = row.cells();
      try {
        PathogenDefinition d = new PathogenDefinition(c.get(0), c.get(1),
            Set.copyOf(DefinitionTable.list(c.get(2))));
        if (!ids.add(d.id())) {
          problems.add(Problem.invalid("DR-6303", "`" + source + "` line " + row.line()
              + ": pathogen `" + d.id() + "` is defined twice; keep one row per pathogen."));
        }
        out.add(d);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.invalid("DR-6302", "`" + source + "` line " + row.line() + ": "
            + e.getMessage() + "."));
      }
    }
    return problems.isEmpty() ? Result.ok(List.copyOf(out)) : Result.fail(problems.get(0));
  }
}
