package org.datenraum.generator;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * A planted outbreak: {@code extraCases} additional patients with {@code pathogen} who come to
 * the emergency department on the {@code days} days from {@code start}. Immutable.
 *
 * <p>Written as {@code PATHOGEN@YYYY-MM-DD:DAYSd:+CASES}, e.g. {@code norovirus@2025-02-01:14d:+40}.
 */
public record OutbreakSpec(String pathogen, LocalDate start, int days, int extraCases) {

  /** Pathogen names accepted in a spec, and the case type each plants. */
  static final Map<String, String> CASE_TYPES = Map.of(
      "norovirus", "NOROVIRUS",
      "influenza", "INFLUENZA",
      "rsv", "RSV",
      "covid", "COVID");

  private static final Pattern SPEC =
      Pattern.compile("([a-z0-9-]+)@(\\d{4}-\\d{2}-\\d{2}):(\\d+)d:\\+(\\d+)");

  public OutbreakSpec {
    requireNonNull(pathogen, "pathogen");
    requireNonNull(start, "start");
    if (!CASE_TYPES.containsKey(pathogen)) {
      throw new IllegalArgumentException("unknown outbreak pathogen " + pathogen);
    }
    if (days < 1 || extraCases < 1) {
      throw new IllegalArgumentException("an outbreak needs at least one day and one case");
    }
  }

  /** Parses the command-line form; the problem names the offending text and the expected form. */
  public static Result<OutbreakSpec> parse(String text) {
    Matcher m = SPEC.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Result.fail(Problem.invalid("DR-3001", "Outbreak `" + text
          + "` is not of the form PATHOGEN@YYYY-MM-DD:DAYSd:+CASES, e.g. norovirus@2025-02-01:14d:+40."));
    }
    if (!CASE_TYPES.containsKey(m.group(1))) {
      return Result.fail(Problem.invalid("DR-3002", "Outbreak pathogen `" + m.group(1)
          + "` is unknown; use one of " + String.join(", ", CASE_TYPES.keySet().stream().sorted().toList()) + "."));
    }
    try {
      int days = Integer.parseInt(m.group(3));
      int cases = Integer.parseInt(m.group(4));
      if (days < 1 || cases < 1 || days > 3660 || cases > 10_000_000) {
        return Result.fail(Problem.invalid("DR-3003", "Outbreak `" + text
            + "` needs between 1 and 3660 days and between 1 and 10,000,000 cases."));
      }
      return Result.ok(new OutbreakSpec(m.group(1), LocalDate.parse(m.group(2)), days, cases));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Result.fail(Problem.invalid("DR-3001", "Outbreak `" + text
          + "` has an invalid date or number; expected e.g. norovirus@2025-02-01:14d:+40."));
    }
  }

  /** The case type the generator plants for this outbreak. */
  String caseType() {
    return CASE_TYPES.get(pathogen);
  }

  @Override
  public String toString() {
    return pathogen + "@" + start + ":" + days + "d:+" + extraCases;
  }
}
