package org.datenraum.app.biosamples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.MappingDirectory;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.Plan;
import org.datenraum.registry.biosamples.Availability;
import org.datenraum.registry.biosamples.SampleTypes;
import org.datenraum.registry.biosamples.SpecimenCatalog;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum biosamples}: the site's exact biosample availability for a CCDL cohort. */
@Command(name = "biosamples", mixinStandardHelpOptions = true,
    description = "For the patients a CCDL query selects, count per sample type (SNOMED CT code)"
        + " the patients with such a specimen and their specimens of that type (each specimen once;"
        + " an aliquot is a specimen of its own). Exact local counts, for the site's own staff.")
public final class BiosamplesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--mapping", paramLabel = "DIR", description = "Term-code mapping directory"
      + " (default: built-in).")
  Path mapping;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Query date for ages (default: today in UTC).")
  LocalDate date;

  @Option(names = "--json", description = "Print {\"patients\": n, \"sampleTypes\": {\"119364003\":"
      + " {\"patients\": n, \"specimens\": n}, ...}}.")
  boolean json;

  @Option(names = "--sample-kinds", description = "Group by the sample locator's sample kinds"
      + " (whole-blood, blood-serum, ...) instead of SNOMED CT types; --json then prints"
      + " \"sampleKinds\".")
  boolean sampleKinds;

  @Parameters(index = "0", paramLabel = "QUERY.json", description = "The CCDL query selecting the cohort.")
  Path query;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println(SiteDirectory.noStore("biosamples", site));
      return 1;
    }
    Result<String> text = org.datenraum.app.QueryFile.read(query);
    if (!text.isOk()) {
      err.println("datenraum biosamples: " + text.problem().text());
      return 1;
    }
    Result<Plan> plan = mapping().flatMap(m -> CcdlParser.parse(text.value()).flatMap(CcdlCompiler.of(m)::compile));
    if (!plan.isOk()) {
      err.println("datenraum biosamples: " + query.getFileName() + ": " + plan.problem().text());
      return 1;
    }
    Availability a;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      Set<String> cohort = DuckDbFeasibilityExecutor.of(store).matching(plan.value(), queryDate());
      a = SpecimenCatalog.of(() -> store.factsOfType(SampleTypes.SPECIMEN)).availability(cohort,
          sampleKinds ? SpecimenCatalog.Grouping.SAMPLE_KIND : SpecimenCatalog.Grouping.SAMPLE_TYPE);
    }
    print(a, spec.commandLine().getOut());
    return 0;
  }

  private void print(Availability a, PrintWriter out) {
    if (json) {
      out.println(a.toJson(sampleKinds ? "sampleKinds" : "sampleTypes"));
      return;
    }
    out.printf("%,d patients selected (exact local counts, before disclosure control).%n", a.patients());
    if (a.sampleTypes().isEmpty()) {
      out.println("None of them has a specimen.");
      return;
    }
    out.printf("%-30s %10s %10s%n", sampleKinds ? "sample kind" : "sample type", "patients", "specimens");
    java.util.List<String> order = new java.util.ArrayList<>(a.sampleTypes().keySet());
    if (sampleKinds) {
      java.util.List<String> kinds = org.datenraum.registry.biosamples.AvailabilityReport.SAMPLE_KINDS;
      order.sort(java.util.Comparator.comparingInt((String k) -> kinds.contains(k) ? kinds.indexOf(k)
          : kinds.size()).thenComparing(k -> k));
    }
    for (String key : order) {
      Availability.TypeCount c = a.sampleTypes().get(key);
      out.printf("%-30s %,10d %,10d%n", key, c.patients(), c.specimens());
    }
  }

  private Result<TermCodeMapping> mapping() {
    return mapping == null ? Result.ok(Mappings.builtIn()) : MappingDirectory.load(mapping);
  }

  private LocalDate queryDate() {
    return date != null ? date : LocalDate.now(Clock.systemUTC());
  }
}
