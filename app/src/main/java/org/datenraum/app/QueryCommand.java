package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.MappingDirectory;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datenraum query}: the exact local count of a CCDL feasibility query. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Count the site's patients that match a CCDL feasibility query (JSON). The count"
        + " is exact and local: it is for the site's operator and never leaves the site as is.")
final class QueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--mapping", paramLabel = "DIR", description = "Term-code mapping directory"
      + " (mapping_fhir.json + mapping_tree.json, or the release layout) (default: built-in).")
  Path mapping;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Query date for ages (default: today in UTC).")
  LocalDate date;

  @Option(names = "--json", description = "Print {\"count\": N}.")
  boolean json;

  @Parameters(index = "0", paramLabel = "QUERY.json", description = "The CCDL query.")
  Path query;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println(SiteDirectory.noStore("query", site));
      return 1;
    }
    Result<String> text = QueryFile.read(query);
    if (!text.isOk()) {
      err.println("datenraum query: " + text.problem().text());
      return 1;
    }
    Result<Plan> plan = mapping().flatMap(m -> compile(text.value(), m));
    if (!plan.isOk()) {
      err.println("datenraum query: " + query.getFileName() + ": " + plan.problem().text());
      return 1;
    }
    long count;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      count = DuckDbFeasibilityExecutor.of(store).count(plan.value(), queryDate());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println("{\"count\": " + count + "}");
    } else {
      out.printf("%,d patients match (exact local count, before disclosure control).%n", count);
    }
    return 0;
  }

  private Result<TermCodeMapping> mapping() {
    return mapping == null ? Result.ok(Mappings.builtIn()) : MappingDirectory.load(mapping);
  }

  private LocalDate queryDate() {
    return date != null ? date : LocalDate.now(Clock.systemUTC());
  }

  /** Parses and compiles a CCDL query; the problem names the JSON path and the fix. */
  static Result<Plan> compile(String json, TermCodeMapping mapping) {
    return CcdlParser.parse(json).flatMap(CcdlCompiler.of(mapping)::compile);
  }
}
