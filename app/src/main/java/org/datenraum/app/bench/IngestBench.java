package org.datenraum.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.datenraum.app.site.AsyncBatchWriter;
import org.datenraum.app.site.ProgressBar;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.app.site.StoreLookups;
import org.datenraum.core.Result;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.ingest.fhir.StreamingCounts;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ingest benchmark: loads a FHIR corpus (given, or generated first) into a fresh site store and
 * prints resources/s, facts, store size and peak heap.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Measure FHIR ingest speed and peak heap on a corpus of >= 1 million resources.")
public final class IngestBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", description = "Corpus to load (default: generate one first).")
  Path input;

  @Option(names = "--patients", defaultValue = "11000",
      description = "Patients to generate when no --input is given (default: 11000, about 1.07 million resources).")
  long patients;

  @Option(names = "--work", description = "Working directory (default: a new temporary one).")
  Path work;

  @Option(names = "--changes", defaultValue = "0", description = "Instead of a fresh load: load"
      + " this many changed or new resources, drawn from the corpus, into the store a former run"
      + " left in --work, and update the feasibility index (default: 0, a fresh load). The day's"
      + " file a former run wrote to --work/changes is loaded again instead of drawn anew.")
  long changes;

  @Option(names = "--per-patient", defaultValue = "25", description = "With --changes: changes"
      + " per patient of the day on average; 0 draws them from all patients alike (default: 25).")
  int perPatient;

  @Option(names = "--tree", description = "Parse every NDJSON line into a tree instead of"
      + " reading the frequent types by streaming, for comparison (same stored data).")
  boolean tree;

  @Option(names = "--day", defaultValue = "1",
      description = "With --changes: the day, which seeds the draw and names the new ids (default: 1).")
  int day;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (changes > 0) {
      if (work == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--changes needs --work: the directory of a former run, holding its site and corpus.");
      }
      Path corpus = input != null ? input : work.resolve("corpus");
      return new ChangesRun(new SiteDirectory(work.resolve("site")), corpus, out)
          .run(changes, day, perPatient, work.resolve("changes").resolve("day-" + day + ".ndjson"));
    }
    if (input != null && !Files.exists(input)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--input `" + input
          + "` does not exist: give a corpus directory or NDJSON file, e.g. one written by"
          + " `datenraum generate`, or leave --input out to generate one.");
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("dr-bench");
    Path corpus = input != null ? input : generate(dir.resolve("corpus"), out);
    Path site = dir.resolve("site");
    if (Files.exists(site)) {
      try (Stream<Path> files = Files.walk(site)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    SiteDirectory sd = new SiteDirectory(site).create();
    System.gc();
    HeapWatch heap = HeapWatch.start();
    CpuByRole roles = CpuByRole.start();
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    IngestReport report;
    FhirIngest ingest;
    ProgressBar bar = ProgressBar.onStderr("resources", false);
    BatchTimes times;
    try (DuckDbSiteStore store = sd.openStore(java.time.Clock.systemUTC());
        AsyncBatchWriter writer = new AsyncBatchWriter(
            times = new BatchTimes(store::write, out, 100), AsyncBatchWriter.waitingFor(store))) {
      ingest = FhirIngest.of(sd.pseudonymizer()).withStreaming(!tree);
      report = ingest
          .load(List.of(corpus), new StoreLookups(store), writer, bar::update);
      writer.close();
      bar.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    String byRole = CpuByRole.describe(roles.stop());
    heap.close();
    SiteStats stats;
    try (DuckDbSiteStore store = sd.openStore(java.time.Clock.systemUTC())) {
      stats = store.stats();
    }
    out.printf("ingest: %,d resources (%,d patients, %,d facts, %,d quarantined) in %.1f s,"
            + " store closed%n", report.storedTotal(), stats.patients(), stats.facts(),
        report.quarantinedTotal(), seconds);
    out.printf("ingest: %,.0f resources/s end to end; %.1f CPU-seconds (%,.0f resources per"
            + " CPU-second); %d cores; load average %.1f%n", report.storedTotal() / seconds, cpu,
        report.storedTotal() / cpu, Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (!byRole.isEmpty()) {
      out.println("ingest: CPU-seconds by thread: " + byRole);
    }
    out.printf("ingest: heap pools peaked at %,d MiB in sum (garbage included), %,d MiB live after collections"
            + " (max heap %,d MiB)%n", heap.peakBytes() >> 20, heap.peakLiveBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    StreamingCounts streaming = ingest.streamingCounts();
    out.printf("ingest: %,d NDJSON lines read by streaming, %,d parsed into a tree %s%n",
        streaming.streamed(), streaming.handedOverTotal(), streaming.handedOver());
    if (!times.summary().isEmpty()) {
      out.println("ingest: batch writes " + times.summary());
    }
    out.printf("ingest: corpus %,d MiB on disk, store %,d MiB%n", size(corpus) >> 20,
        Files.size(sd.storeFile()) >> 20);
    out.printf("ingest: Java %s, JVM options %s%n", System.getProperty("java.version"),
        String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
            .getInputArguments()));
    return 0;
  }

  private Path generate(Path corpus, PrintWriter out) throws IOException {
    if (Files.isDirectory(corpus)) {
      out.println("ingest: reusing the corpus in " + corpus);
      return corpus;
    }
    Result<GeneratorConfig> config = GeneratorConfig.of(patients, 42, "Universitätsklinikum Musterstadt",
        GeneratorConfig.DEFAULT_START, 2, List.of());
    GenerationSummary s = HospitalGenerator.of(config.value()).writeTo(corpus,
        Runtime.getRuntime().availableProcessors(), false, (d, t, r, b) -> { });
    out.printf("ingest: generated %,d patients, %,d resources into %s%n", s.patients(),
        s.totalResources(), corpus);
    flushToDisk(corpus);
    return corpus;
  }

  /** Writes the fresh corpus out, so that its write-back does not run during the timed load. */
  private static void flushToDisk(Path corpus) throws IOException {
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try (java.nio.channels.FileChannel ch =
            java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
    }
  }

  private static long size(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return Files.size(p);
    }
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestBench()).execute(args));
  }
}
