package org.datenraum.app.bench;

import org.datenraum.app.site.SiteDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.files.OwnerOnly;
import org.datenraum.registry.icu.IcuReport;
import org.datenraum.store.duckdb.DuckDbIcuFacts;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench icu}: the intensive care report over synthetic ICU stays with hourly
 * data, read from a DuckDB site store. Prints the build and the report times and a few figures
 * (which must not change when the code is made faster).
 */
@Command(name = "icu", mixinStandardHelpOptions = true,
    description = "Times the intensive care report (datenraum report icu) over synthetic ICU stays"
        + " with hourly data in a DuckDB site store.")
public final class IcuBench implements Callable<Integer> {

  @Option(names = "--stays", defaultValue = "10000", description = "ICU stays (default: ${DEFAULT-VALUE}).")
  int stays;

  @Option(names = "--days", defaultValue = "10", description = "Days per stay (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--site", description = "Store directory to keep and reuse (default: a temporary"
      + " one, deleted afterwards).")
  Path site;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs (the first is cold) (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "13", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    Path dir = site != null ? OwnerOnly.createDirectories(site)
        : Files.createTempDirectory("datenraum-icu-bench");
    Path file = dir.resolve("site.duckdb");
    boolean fresh = !Files.exists(file);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, Clock.systemUTC(), SiteDirectory.storeSettings())) {
      if (fresh) {
        long t0 = System.nanoTime();
        long facts = IcuBenchSite.write(store, stays, days, seed);
        System.out.printf("icu bench: wrote %,d stays x %d days, %,d facts in %.1f s%n", stays, days,
            facts, (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf("icu bench: reusing the store in %s%n", dir);
      }
      for (int run = 1; run <= runs; run++) {
        long r0 = System.nanoTime();
        long[] read = new long[2];
        DuckDbIcuFacts.of(store).forEachPatient(p -> {
          read[0]++;
          read[1] += p.facts().size();
        });
        System.out.printf("run %d: read %,d patients' %,d selected facts in %.2f s wall%n", run,
            read[0], read[1], (System.nanoTime() - r0) / 1e9);
        long t0 = System.nanoTime();
        long cpu0 = CpuTime.process();
        IcuReport report = IcuReport.of(DuckDbIcuFacts.of(store), null, null);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (CpuTime.process() - cpu0) / 1e9;
        Map<String, Object> t = report.tree();
        System.out.printf("run %d: report over %s stays (%s ICU hours) in %.2f s wall, %.1f s CPU;"
            + " invasive episodes %s, re-intubations %s, median max SOFA %s%n", run, t.get("stays"),
            report.all().get("icuHours"), wall, cpu, report.all().get("ventilation", "invasiveEpisodes"),
            report.all().get("ventilation", "reintubations48h"), report.all().get("sofa", "medianMaxSofa"));
      }
    } finally {
      if (site == null) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    return 0;
  }

  /** CPU time of the whole process (every thread, DuckDB's included), in nanoseconds. */
  static final class CpuTime {
    private CpuTime() {}

    static long process() {
      var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
  }
}
