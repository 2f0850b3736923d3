package org.datenraum.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.datenraum.app.site.AsyncBatchWriter;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.app.site.StoreLookups;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.ingest.fhir.IngestProgress;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.store.duckdb.feasibility.IndexStats;

/**
 * The daily re-load: a day's changes loaded into a full store, then the feasibility index brought
 * up to date as the node does before its next query. Times both, each apart; the index is first
 * brought to the store's version before the changes (untimed, reported).
 */
final class ChangesRun {

  private final SiteDirectory site;
  private final Path corpus;
  private final PrintWriter out;

  ChangesRun(SiteDirectory site, Path corpus, PrintWriter out) {
    this.site = site;
    this.corpus = corpus;
    this.out = out;
  }

  int run(long changes, int day, int perPatient, Path file) throws IOException {
    if (!Files.isRegularFile(site.storeFile())
        || !Files.isDirectory(corpus) && !Files.isRegularFile(file)) {
      out.printf("ingest: no store at %s or no corpus at %s: run bench ingest --work first%n",
          site.storeFile(), corpus);
      return 2;
    }
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      SiteStats before = store.stats();
      DayOfChanges.Written written;
      if (Files.isRegularFile(file)) {
        written = DayOfChanges.existing(file, day);
        out.printf("ingest: reusing the day's changes in %s (delete it to draw them again)%n", file);
      } else {
        written = DayOfChanges.write(corpus, before.resources(), changes, day, perPatient, file);
      }
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      long t0 = System.nanoTime();
      IndexStats start = executor.refresh();
      out.printf("ingest: store of %,d resources (%,d patients); index at its version %s in"
              + " %.1f s (%,d keys)%n", before.totalResources(), before.patients(),
          start.rebuilt() ? "rebuilt" : start.updated() ? "updated" : "loaded",
          (System.nanoTime() - t0) / 1e9, start.keys());
      System.gc();
      HeapWatch heap = HeapWatch.start();
      long cpu = IngestBench.processCpuNanos();
      long t1 = System.nanoTime();
      IngestReport report;
      try (AsyncBatchWriter writer = new AsyncBatchWriter(new BatchTimes(store::write, out, 1),
          AsyncBatchWriter.LOAD_WAITING)) {
        report = FhirIngest.of(site.pseudonymizer())
            .load(List.of(file), new StoreLookups(store), writer, IngestProgress.none());
        writer.close();
      }
      double load = (System.nanoTime() - t1) / 1e9;
      long t2 = System.nanoTime();
      IndexStats after = executor.refresh();
      double index = (System.nanoTime() - t2) / 1e9;
      heap.close();
      SiteStats now = store.stats();
      print(written, report, now.totalResources() - before.totalResources(), load, index, after);
      out.printf("ingest: %.1f CPU-seconds; heap pools peaked at %,d MiB (%,d MiB live); load"
              + " average %.1f%n", (IngestBench.processCpuNanos() - cpu) / 1e9,
          heap.peakBytes() >> 20, heap.peakLiveBytes() >> 20,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      return report.complete() ? 0 : 1;
    }
  }

  private void print(DayOfChanges.Written written, IngestReport report, long grown, double load,
      double index, IndexStats after) {
    out.printf("ingest: day's changes %,d resources (%,d changed, %,d new; %,d stored, %,d"
            + " quarantined), store grew by %,d resources%n", written.total(), written.changed(),
        written.added(), report.storedTotal(), report.quarantinedTotal(), grown);
    out.printf("ingest: changes loaded in %.1f s (%,.0f resources/s); feasibility index %s in"
            + " %.1f s; together %.1f s%n", load, report.storedTotal() / load,
        after.rebuilt() ? "REBUILT" : after.updated() ? "updated" : "loaded", index,
        load + index);
  }
}
