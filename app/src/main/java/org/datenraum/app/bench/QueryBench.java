package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.Result;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.FactScans;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.store.duckdb.feasibility.IndexStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Feasibility query benchmark on an existing site (e.g. one million generated patients): index
 * load or build time, then per query of {@link QueryMix} the first (cold) run and p50/p95/p99 of warm
 * runs, the heap in use, the index and row-cache sizes and the machine's load.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Measure CCDL feasibility query latency (p50/p99) and memory on a loaded site.")
public final class QueryBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "A loaded site, e.g. `datenraum ingest --site"
      + " /tmp/site-1m` of `datenraum generate --patients 1000000`.")
  Path site;

  @Option(names = "--runs", defaultValue = "100", description = "Timed runs per query (default: 100).")
  int runs;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs per query first (default: 3).")
  int warmup;

  @Option(names = "--date", defaultValue = "2026-01-01", description = "Query date for ages (default: ${DEFAULT-VALUE}).")
  LocalDate date;

  @Option(names = "--read-only-store", description = "Open the store read-only, as `node --read-only-store`"
      + " does: several processes may read it at once while none writes; an index older than the store is"
      + " brought up to date in memory only.")
  boolean readOnlyStore;

  @Option(names = "--testdata", description = "shared/testdata (default: found above the working directory).")
  Path testdata;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      spec.commandLine().getErr().println(SiteDirectory.noStore("bench query", site));
      return 1;
    }
    List<QueryMix.Query> mix = QueryMix.all(sq2cql());
    double loadBefore = load();
    long open0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    try (DuckDbSiteStore store = readOnlyStore ? DuckDbSiteStore.openReadOnly(dir.storeFile(), Clock.systemUTC(),
        SiteDirectory.storeSettings())
        : dir.openStore(Clock.systemUTC())) {
      double openSeconds = (System.nanoTime() - open0) / 1e9;
      double cpu1 = cpuSeconds();
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      long t0 = System.nanoTime();
      IndexStats index = executor.refresh();
      double indexSeconds = (System.nanoTime() - t0) / 1e9;
      double cpu2 = cpuSeconds();
      long q0 = System.nanoTime();
      int selected = executor.matching(plan(mix.get(0)), date).size();
      double firstMs = (System.nanoTime() - q0) / 1e6;
      double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
      double cpuSeconds = cpuSeconds();
      SiteStats stats = store.stats();
      out.printf("site: %,d patients, %,d facts; %d cores, load average %.2f before%n", stats.patients(),
          stats.facts(), Runtime.getRuntime().availableProcessors(), loadBefore);
      out.printf("index: %s in %.2f s: %,d bitmaps, %,.1f MiB serialised%n", index.rebuilt() ? "built"
          : index.updated() ? "updated" : "loaded", indexSeconds, index.keys(), index.bitmapBytes() / 1048576.0);
      out.printf("first query after start (as a node's first task): store opened in %.2f s, index %.2f s, first"
          + " query with the pseudonyms of its %,d patients %.0f ms: %.2f s in all; %.2f s and %.2f CPU-seconds (all"
          + " threads) since the JVM started (CPU-seconds: %.2f before the store, store %.2f, index %.2f, first"
          + " query %.2f)%n", openSeconds, indexSeconds, selected, firstMs, openSeconds + indexSeconds + firstMs / 1000,
          sinceStart, cpuSeconds, cpu0, cpu1 - cpu0, cpu2 - cpu1, cpuSeconds - cpu2);
      for (QueryMix.Query q : mix) {
        measure(out, executor, q);
      }
      IndexStats after = executor.stats();
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      out.printf("memory: heap used after GC %,d MiB (max %,d MiB); bitmaps %,.1f MiB; cached rows of %d codes"
              + " %,.1f MiB%n", heap >> 20, Runtime.getRuntime().maxMemory() >> 20,
          after.bitmapBytes() / 1048576.0, after.cachedKeys(), after.cachedRowBytes() / 1048576.0);
      boolean agree = sqlComparison(out, store, creatinineCount(executor));
      out.printf("load average %.2f after%n", load());
      return agree ? 0 : 1;
    }
  }

  private long creatinineCount(DuckDbFeasibilityExecutor executor) {
    return executor.count(plan(QueryMix.creatinine()), date);
  }

  private static Plan plan(QueryMix.Query q) {
    return CcdlParser.parse(q.json()).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
  }

  private void measure(PrintWriter out, DuckDbFeasibilityExecutor executor, QueryMix.Query q) {
    long c0 = System.nanoTime();
    Result<Plan> plan = CcdlParser.parse(q.json()).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile);
    if (!plan.isOk()) {
      out.printf("%-70s  does not compile: %s%n", q.name(), plan.problem().text());
      return;
    }
    long count = executor.count(plan.value(), date);
    double cold = (System.nanoTime() - c0) / 1e6;
    for (int i = 0; i < warmup; i++) {
      executor.count(plan.value(), date);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      Plan p = CcdlParser.parse(q.json()).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
      executor.count(p, date);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    out.printf("%-70s count %,9d  first %8.1f ms  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", q.name(),
        count, cold, Stats.percentile(ms, 0.50), Stats.percentile(ms, 0.95), Stats.percentile(ms, 0.99),
        ms[ms.length - 1]);
  }

  /**
   * The creatinine query as one SQL scan, timed, and its count checked against the index and
   * against the same rows deduplicated in Java: a database engine that counts wrong is reported.
   */
  private boolean sqlComparison(PrintWriter out, DuckDbSiteStore store, long indexed) {
    FactScans.ValueAbove creatinine = new FactScans.ValueAbove(new Coding("http://loinc.org", "2160-0"), 1.5,
        "mg/dL");
    int threads = Runtime.getRuntime().availableProcessors();
    List<Double> ms = new ArrayList<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      long count = FactScans.patientsInEngine(store, creatinine, threads);
      ms.add((System.nanoTime() - t) / 1e6);
      min = Math.min(min, count);
      max = Math.max(max, count);
    }
    ms.sort(null);
    long inJava = FactScans.patientsDeduplicatedHere(store, creatinine);
    out.printf("for comparison, the creatinine query as a DuckDB scan of the fact table on %d threads: median %.1f ms"
        + " of 5, counts %,d..%,d; the index counts %,d, the rows deduplicated in Java %,d%n", threads, ms.get(2), min, max,
        indexed, inJava);
    boolean agree = min == indexed && max == indexed && inJava == indexed;
    if (!agree) {
      out.println("!!! COUNTS DIFFER: the database engine's count(DISTINCT patient), the index and the"
          + " Java count must agree; check the DuckDB version (docs/feasibility.md) before trusting SQL"
          + " aggregates on this store !!!");
    }
    return agree;
  }

  private static double cpuSeconds() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e9 : Double.NaN;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private Path sq2cql() {
    if (testdata != null) {
      return testdata.resolve("ccdl").resolve("sq2cql");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("testdata").resolve("ccdl").resolve("sq2cql");
      if (candidate.toFile().isDirectory()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/testdata above the working directory: give --testdata DIR");
  }
}
