package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.registry.biosamples.Availability;
import org.datenraum.registry.biosamples.SampleTypes;
import org.datenraum.registry.biosamples.SpecimenCatalog;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Availability query benchmark on a loaded site: the specimen catalog's load, then per query the
 * first run and p50/p99 of warm runs of parse, compile, cohort selection and availability.
 */
@Command(name = "biosamples", mixinStandardHelpOptions = true,
    description = "Measure biosample availability queries (p50/p99) on a loaded site with specimens.")
public final class BiosamplesBench implements Callable<Integer> {

  private static final String SCT = "http://snomed.info/sct";
  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "A loaded site, e.g. of `datenraum generate --patients 100000`.")
  Path site;

  @Option(names = "--runs", defaultValue = "100", description = "Timed runs per query (default: 100).")
  int runs;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs per query first (default: 3).")
  int warmup;

  @Option(names = "--date", defaultValue = "2026-01-01", description = "Query date for ages (default: ${DEFAULT-VALUE}).")
  LocalDate date;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      spec.commandLine().getErr().println(SiteDirectory.noStore("bench biosamples", site));
      return 1;
    }
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC())) {
      SiteStats stats = store.stats();
      out.printf("site: %,d patients, %,d facts; %d cores, load average %.2f before%n", stats.patients(),
          stats.facts(), Runtime.getRuntime().availableProcessors(), load());
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      long t0 = System.nanoTime();
      executor.refresh();
      double index = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      SpecimenCatalog catalog = SpecimenCatalog.of(() -> store.factsOfType(SampleTypes.SPECIMEN));
      out.printf("index ready in %.1f s; specimen catalog: %,d specimens read in %.1f s%n", index, catalog.size(),
          (System.nanoTime() - t0) / 1e9);
      boolean compiled = true;
      for (Map.Entry<String, String> q : mix().entrySet()) {
        compiled &= measure(out, executor, catalog, q.getKey(), q.getValue());
      }
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      out.printf("heap used after GC %,d MiB; load average %.2f after%n", heap >> 20, load());
      return compiled ? 0 : 1;
    }
  }

  private boolean measure(PrintWriter out, DuckDbFeasibilityExecutor executor, SpecimenCatalog catalog,
      String name, String json) {
    long c0 = System.nanoTime();
    Result<Plan> plan = CcdlParser.parse(json).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile);
    if (!plan.isOk()) {
      out.printf("%-58s does not compile: %s%n", name, plan.problem().text());
      return false;
    }
    Availability a = catalog.availability(executor.matching(plan.value(), date));
    double cold = (System.nanoTime() - c0) / 1e6;
    for (int i = 0; i < warmup; i++) {
      catalog.availability(executor.matching(plan.value(), date));
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      Plan p = CcdlParser.parse(json).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
      Set<String> cohort = executor.matching(p, date);
      catalog.availability(cohort);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    long specimens = a.sampleTypes().values().stream().mapToLong(Availability.TypeCount::specimens).sum();
    out.printf("%-58s patients %,7d specimens %,7d  first %7.1f ms  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name,
        a.patients(), specimens, cold, ms[Math.max(0, (int) Math.ceil(0.5 * ms.length) - 1)],
        ms[Math.max(0, (int) Math.ceil(0.99 * ms.length) - 1)], ms[ms.length - 1]);
    return true;
  }

  private static Map<String, String> mix() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("serum sample", query(crit("Specimen", SCT, "119364003", "")));
    m.put("E11 diagnosis", query(crit("Diagnose", ICD, "E11", "")));
    m.put("E11 + serum within 30 days of it, >= 1 ml left", query(crit("Diagnose", ICD, "E11", "") + "], ["
        + crit("Specimen", SCT, "119364003", ", \"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\":"
            + " \"ge\", \"value\": 1, \"unit\": {\"code\": \"mL\"}}, \"timeRelation\": {\"minDays\": -30, \"maxDays\": 30,"
            + " \"criteria\": [" + crit("Diagnose", ICD, "E11", "") + "]}")));
    m.put("plasma stored at -60..-85 C", query(crit("Specimen", SCT, "119361006", ", \"attributeFilters\": [{\"type\":"
        + " \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\": \"storageTemperature\"}, \"selectedConcepts\":"
        + " [{\"system\": \"https://fhir.bbmri.de/CodeSystem/StorageTemperature\", \"code\": \"temperature-60to-85\"}]}]")));
    m.put("age >= 60 and N18.3 (all their samples)", query(crit("Patient", SCT, "424144002", ", \"valueFilter\":"
        + " {\"type\": \"quantity-comparator\", \"comparator\": \"ge\", \"value\": 60, \"unit\": {\"code\": \"a\"}}")
        + "], [" + crit("Diagnose", ICD, "N18.3", "")));
    return m;
  }

  private static String query(String groups) {
    return "{\"version\": \"2\", \"inclusionCriteria\": [[" + groups + "]]}";
  }

  private static String crit(String context, String system, String code, String extra) {
    return "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"" + context + "\"}, \"termCodes\": [{\"system\": \""
        + system + "\", \"code\": \"" + code + "\"}]" + extra + "}";
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
