package org.datenraum.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench generate}: generates a synthetic hospital into a scratch directory and
 * prints patients/s, resources/s, bytes written, CPU time and peak heap.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Times the synthetic hospital generator.")
public final class GenerateBench implements Callable<Integer> {

  @Option(names = "--patients", defaultValue = "20000", description = "Patients generated (default: ${DEFAULT-VALUE}).")
  long patients;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--site", defaultValue = "Universitätsklinikum Musterstadt",
      description = "Hospital name (default: ${DEFAULT-VALUE}).")
  String site;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--gzip", description = "Compress the output.") boolean gzip;

  @Option(names = "--runs", defaultValue = "2", description = "Timed runs (the first is cold) (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--out", description = "Output directory (default: a temporary one, deleted).")
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateBench()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Path dir = out != null ? out : Files.createTempDirectory("datenraum-generate-bench");
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    GeneratorConfig config = GeneratorConfig.of(patients, seed, site,
        GeneratorConfig.DEFAULT_START, GeneratorConfig.DEFAULT_YEARS, List.of()).value();
    System.out.printf("generate bench: %,d patients, site %s, %d threads, gzip %s, %d cores%n",
        patients, site, workers, gzip, Runtime.getRuntime().availableProcessors());
    try {
      for (int run = 1; run <= runs; run++) {
        resetPeaks();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        GenerationSummary s = HospitalGenerator.of(config).writeTo(dir, workers, gzip,
            (d, t, r, b) -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf("run %d: %.2f s wall, %.2f s CPU, %,.0f patients/s, %,.0f resources/s,"
                + " %,.0f resources per CPU-second, %,d resources (%.1f per patient),"
                + " %,d bytes (%.0f per resource), peak heap %,d MB%n", run, seconds, cpu,
            s.patients() / seconds, s.totalResources() / seconds, s.totalResources() / cpu,
            s.totalResources(), s.totalResources() / (double) s.patients(), s.bytes(),
            s.bytes() / (double) s.totalResources(), peakHeap() >> 20);
      }
    } finally {
      if (out == null) {
        delete(dir);
      }
    }
    return 0;
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
