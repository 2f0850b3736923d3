package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.datenraum.app.demo.DemoQuestion;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.node.Cohorts;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The node's cohort step of one question (the patients a query selects, after consent) and of a
 * year stratum (the first year of a code per patient of the cohort) on a loaded site, with the
 * reference cohorts (the whole store read per call) and with the indexed ones: the first run
 * (index load or build included) and the median and maximum of further runs, and whether both
 * gave the same answer.
 */
@Command(name = "cohorts", mixinStandardHelpOptions = true,
    description = "Measure the node's cohort selection per question, reference vs indexed, on a loaded site.")
public final class CohortsBench implements Callable<Integer> {

  private static final Coding DIABETES = new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11.90");

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "A loaded site (`datenraum generate` then `ingest`).")
  Path site;

  @Option(names = "--runs", defaultValue = "5", description = "Timed runs after the first (default: 5).")
  int runs;

  @Option(names = "--date", defaultValue = "2026-01-01", description = "Query date for ages (default: ${DEFAULT-VALUE}).")
  LocalDate date;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      SiteStats stats = store.stats();
      out.printf("site: %,d patients, %,d facts; %d cores; year stratum of %s%n", stats.patients(), stats.facts(),
          Runtime.getRuntime().availableProcessors(), DIABETES);
      Cohorts reference = Cohorts.reference(store);
      Cohorts indexed = Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store);
      for (DemoQuestion q : DemoQuestion.all()) {
        Result<Plan> plan = CcdlParser.parse(q.ccdl()).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile);
        if (!plan.isOk()) {
          out.printf("%s: does not compile: %s%n", q.title(), plan.problem().text());
          return 1;
        }
        Set<PatientRecord> expected = measure(out, q.title(), "reference", () -> select(reference, plan.value()));
        Set<PatientRecord> got = measure(out, q.title(), "indexed", () -> select(indexed, plan.value()));
        Set<String> ids = new HashSet<>();
        got.forEach(p -> ids.add(p.pseudonym()));
        Map<String, Integer> years = measure(out, "  first years of the cohort", "reference",
            () -> reference.firstYear(ids, DIABETES));
        out.printf("  same cohort: %s; same first years: %s%n", got.equals(expected),
            measure(out, "  first years of the cohort", "indexed", () -> indexed.firstYear(ids, DIABETES))
                .equals(years));
      }
    }
    out.flush();
    return 0;
  }

  private Set<PatientRecord> select(Cohorts cohorts, Plan plan) {
    return new HashSet<>(cohorts.select(plan, date, ConsentPolicy.EXCLUDE_DENIED));
  }

  private <T> T measure(PrintWriter out, String title, String name, Supplier<T> run) {
    long t0 = System.nanoTime();
    T result = run.get();
    double first = (System.nanoTime() - t0) / 1e6;
    double[] ms = new double[Math.max(1, runs)];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      run.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    out.printf("%-75s %-9s size %,7d  first %8.1f ms  median %8.1f ms  max %8.1f ms (%d runs)%n", title, name,
        result instanceof Map<?, ?> m ? m.size() : ((Set<?>) result).size(), first, ms[(ms.length - 1) / 2], ms[ms.length - 1], ms.length);
    out.flush();
    return result;
  }
}
