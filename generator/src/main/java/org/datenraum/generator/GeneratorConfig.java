package org.datenraum.generator;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * What to generate: {@code patients} regular patients of hospital {@code site}, with contacts in
 * the {@code years} years from {@code start}, drawn from {@code seed}, plus the extra patients of
 * any planted {@code outbreaks}. Immutable.
 */
public record GeneratorConfig(
    long patients, long seed, String site, LocalDate start, int years,
    List<OutbreakSpec> outbreaks) {

  public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);
  public static final int DEFAULT_YEARS = 2;

  public GeneratorConfig {
    requireNonNull(site, "site");
    requireNonNull(start, "start");
    outbreaks = List.copyOf(outbreaks);
    if (patients < 1 || years < 1 || site.isBlank()) {
      throw new IllegalArgumentException("invalid generator config; build it with GeneratorConfig.of");
    }
  }

  /** Validates the settings; the problem names the setting and how to fix it. */
  public static Result<GeneratorConfig> of(
      long patients, long seed, String site, LocalDate start, int years,
      List<OutbreakSpec> outbreaks) {
    if (patients < 1 || patients > 1_000_000_000L) {
      return Result.fail(Problem.invalid("DR-3010", "--patients `" + patients
          + "` must be between 1 and 1,000,000,000."));
    }
    if (site == null || site.isBlank() || site.length() > 64) {
      return Result.fail(Problem.invalid("DR-3011",
          "--site must be a name of 1 to 64 characters, e.g. `Universitätsklinikum Nord`."));
    }
    if (years < 1 || years > 30) {
      return Result.fail(Problem.invalid("DR-3012", "--years `" + years
          + "` must be between 1 and 30."));
    }
    if (start.getYear() < 1990 || start.getYear() > 2100) {
      return Result.fail(Problem.invalid("DR-3013", "--start `" + start
          + "` must lie between 1990 and 2100."));
    }
    LocalDate end = start.plusYears(years);
    for (OutbreakSpec o : outbreaks) {
      if (o.start().isBefore(start) || !o.start().plusDays(o.days()).isBefore(end.plusDays(1))) {
        return Result.fail(Problem.invalid("DR-3014", "Outbreak `" + o
            + "` must lie within the generated period " + start + " to " + end
            + "; change --outbreak or --start/--years."));
      }
    }
    return Result.ok(new GeneratorConfig(patients, seed, site, start, years, outbreaks));
  }

  /** Regular patients plus the extra patients of all outbreaks. */
  public long totalPatients() {
    return patients + outbreaks.stream().mapToLong(OutbreakSpec::extraCases).sum();
  }

  /** The first day after the generated period. */
  public LocalDate end() {
    return start.plusYears(years);
  }
}
