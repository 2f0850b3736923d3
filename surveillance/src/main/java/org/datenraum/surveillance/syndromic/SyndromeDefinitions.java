package org.datenraum.surveillance.syndromic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * Reads syndrome case definitions from a table (the built-in one is {@code syndromes.tsv} beside
 * this class). Columns: id, label, ICD-10-GM entries, CEDIS codes, combination ({@code any} or
 * {@code both}), admission ({@code required} or {@code -}), source.
 */
public final class SyndromeDefinitions {

  private static final String BUILT_IN = "syndromes.tsv";

  private SyndromeDefinitions() {}

  /** The built-in definitions (ARI, SARI, ILI, COVID, GI, HEAT). */
  public static List<SyndromeDefinition> builtIn() {
    return parse(DefinitionTable.resource(BUILT_IN), BUILT_IN).value();
  }

  /** Parses a definition table; {@code source} names it in problems. */
  public static Result<List<SyndromeDefinition>> parse(String text, String source) {
    List<Problem> problems = new ArrayList<>();
    List<SyndromeDefinition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DefinitionTable.Row row : DefinitionTable.rows(text, source, 7, problems)) {
      Optional<SyndromeDefinition> d = definition(row, source, problems);
      if (d.isPresent() && !ids.add(d.get().id())) {
        problems.add(Problem.invalid("DR-6303", "`" + source + "` line " + row.line()
            + ": syndrome `" + d.get().id() + "` is defined twice; keep one row per syndrome."));
      } else {
        d.ifPresent(out::add);
      }
    }
    if (!problems.isEmpty()) {
      return Result.fail(problems.get(0));
    }
    if (out.isEmpty()) {
      return Result.fail(Problem.invalid("DR-6304", "`" + source + "` defines no syndrome: add"
          + " at least one row."));
    }
    return Result.ok(List.copyOf(out));
  }

  private static Optional<SyndromeDefinition> definition(DefinitionTable.Row row, String source,
      List<Problem> problems) {
    List<String> c = row.cells();
    try {
      SyndromeDefinition.Combination combination =
          SyndromeDefinition.Combination.valueOf(c.get(4).toUpperCase(Locale.ROOT));
      boolean admission = switch (c.get(5)) {
        case "required" -> true;
        case "-", "" -> false;
        default -> throw new IllegalArgumentException("admission must be `required` or `-`, not `"
            + c.get(5) + "`");
      };
      return Optional.of(new SyndromeDefinition(c.get(0), c.get(1),
          DefinitionTable.list(c.get(2)), Set.copyOf(DefinitionTable.list(c.get(3))),
          combination, admission, c.get(6)));
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() != null && e.getMessage().startsWith("No enum")
          ? "combination must be `any` or `both`, not `" + c.get(4) + "`" : e.getMessage();
      problems.add(Problem.invalid("DR-6302", "`" + source + "` line " + row.line() + ": "
          + reason + "."));
      return Optional.empty();
    }
  }
}
