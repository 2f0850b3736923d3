package org.datenraum.app.surveillance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.DuckDbSyndromicRecords;
import org.datenraum.surveillance.syndromic.EdVisit;
import org.datenraum.surveillance.syndromic.LabResult;
import org.datenraum.surveillance.syndromic.PathogenDefinition;
import org.datenraum.surveillance.syndromic.PathogenDefinitions;
import org.datenraum.surveillance.syndromic.SiteCounts;
import org.datenraum.surveillance.syndromic.SyndromeDefinition;
import org.datenraum.surveillance.syndromic.SyndromeDefinitions;
import org.datenraum.surveillance.syndromic.SyndromicCounter;
import org.datenraum.surveillance.syndromic.SyndromicRecords;
import picocli.CommandLine.Option;

/** The options that select a site, its period and the definitions; loads the site's counts. */
final class SiteOptions {

  @Option(names = "--site", paramLabel = "DIR",
      description = "The site's data directory.")
  Path site;

  @Option(names = "--name", description = "Site name in outputs (default: the directory name).")
  String name;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "First day counted (default: the first ED visit).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "Last day counted (default: the last ED visit).")
  LocalDate to;

  @Option(names = "--zone", defaultValue = "Europe/Berlin",
      description = "Time zone of the calendar days (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(names = "--syndromes", paramLabel = "FILE",
      description = "Syndrome definitions in TSV like the built-in syndromes.tsv (default: built-in).")
  Path syndromes;

  @Option(names = "--pathogens", paramLabel = "FILE",
      description = "Pathogen definitions in TSV like the built-in pathogens.tsv (default: built-in).")
  Path pathogens;

  String siteName() {
    if (name != null) {
      return name;
    }
    Path file = site.toAbsolutePath().normalize().getFileName();
    return file == null ? "site" : file.toString();
  }

  /** The site's counts with the definitions they were made with. */
  record Loaded(SiteCounts counts, List<SyndromeDefinition> syndromes,
      List<PathogenDefinition> pathogens) {
    Loaded {
      java.util.Objects.requireNonNull(counts, "counts");
      syndromes = List.copyOf(syndromes);
      pathogens = List.copyOf(pathogens);
    }
  }

  /** Reads the site and counts it, or the problem that prevents it. */
  Result<Loaded> load() throws IOException {
    if (site == null) {
      return Result.fail(Problem.invalid("DR-6322", "--site DIR is required: the data directory of the site"
          + " (or, for the report of the network, --broker URL and --key-file FILE)."));
    }
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      return Result.fail(Problem.notFound("DR-1100", "no site store in `" + site
          + "`: load data first with `datenraum ingest --site " + site + " PATH`."));
    }
    Result<List<SyndromeDefinition>> s = syndromes == null ? Result.ok(SyndromeDefinitions.builtIn())
        : read(syndromes).flatMap(t -> SyndromeDefinitions.parse(t, syndromes.toString()));
    Result<List<PathogenDefinition>> p = pathogens == null
        ? Result.ok(PathogenDefinitions.builtIn())
        : read(pathogens).flatMap(t -> PathogenDefinitions.parse(t, pathogens.toString()));
    if (!s.isOk()) {
      return Result.fail(s.problem());
    }
    if (!p.isOk()) {
      return Result.fail(p.problem());
    }
    List<EdVisit> visits;
    List<LabResult> results;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC())) {
      SyndromicRecords records = DuckDbSyndromicRecords.of(store, zone);
      visits = records.visits();
      results = records.results(p.value());
    }
    if (visits.isEmpty() && (from == null || to == null)) {
      return Result.fail(Problem.notFound("DR-6320", "the site `" + site + "` holds no emergency"
          + " department visit (Encounter class EMER): load ED data, or give --from and --to."));
    }
    LocalDate first = from != null ? from
        : visits.stream().map(EdVisit::day).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = to != null ? to
        : visits.stream().map(EdVisit::day).max(Comparator.naturalOrder()).orElseThrow();
    if (last.isBefore(first)) {
      return Result.fail(Problem.invalid("DR-6321", "--to " + last + " lies before --from "
          + first + ": give a period that ends after it starts."));
    }
    SiteCounts counts = SyndromicCounter.of(s.value(), p.value())
        .count(siteName(), first, last, visits, results);
    return Result.ok(new Loaded(counts, s.value(), p.value()));
  }

  private static Result<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Result.fail(Problem.notFound("DR-6300", "definition file `" + file
          + "` does not exist: give the path of a TSV file laid out as the built-in one."));
    }
    return Result.ok(Files.readString(file));
  }
}
