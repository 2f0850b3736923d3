package org.datenraum.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.datenraum.surveillance.CountSeries;
import org.datenraum.surveillance.Detection;
import org.datenraum.surveillance.Detector;
import org.datenraum.surveillance.Detectors;
import org.datenraum.surveillance.EpochRange;
import org.datenraum.surveillance.FarringtonFlexibleControl;
import org.datenraum.surveillance.WeekResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench surveillance}: farringtonFlexible (default controls) over every series of
 * a synthetic network, sites × syndromes × age groups of seeded negative binomial weekly counts
 * with seasonality, monitoring the last weeks of each series. Prints wall time, series/s, the
 * CPU time of the workers and a checksum of every upper bound and expected count (an
 * optimisation must leave it unchanged).
 */
@Command(name = "surveillance", mixinStandardHelpOptions = true,
    description = "Times farringtonFlexible over sites x syndromes x age groups of weekly series.")
public final class SurveillanceBench implements Callable<Integer> {

  @Option(names = "--sites", defaultValue = "37", description = "Sites with a series each (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--syndromes", defaultValue = "6", description = "Syndromes per site (default: ${DEFAULT-VALUE}).")
  int syndromes;

  @Option(names = "--age-groups", defaultValue = "5", description = "Age groups per syndrome (default: ${DEFAULT-VALUE}).")
  int ageGroups;

  @Option(names = "--years", defaultValue = "10", description = "Years of weekly counts (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(names = "--monitored-weeks", defaultValue = "104",
      description = "Weeks at the end of each series that are monitored (default: ${DEFAULT-VALUE}).")
  int monitored;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs (the first is cold) (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "20240601", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SurveillanceBench()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException, ExecutionException {
    int weeks = 52 * years;
    List<CountSeries> series = generate(weeks);
    Detector detector = Detectors.farringtonFlexible(new FarringtonFlexibleControl(
        Optional.of(new EpochRange(weeks - monitored + 1, weeks)),
        FarringtonFlexibleControl.defaults().windows(), FarringtonFlexibleControl.defaults().glm(),
        FarringtonFlexibleControl.defaults().threshold(),
        FarringtonFlexibleControl.defaults().limit54()));
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    System.out.printf("surveillance bench: %d series (%d sites x %d syndromes x %d age groups),"
            + " %d weeks each, last %d monitored, farringtonFlexible defaults, %d threads%n",
        series.size(), sites, syndromes, ageGroups, weeks, monitored, workers);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        long[] totals = detectAll(pool, detector, series, workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("run %d: %.3f s wall, %.0f series/s, %.0f monitored weeks/s,"
                + " %.3f s CPU in workers, %d alarms, results checksum %016x%n", run, seconds,
            series.size() / seconds, series.size() * (double) monitored / seconds, totals[1] / 1e9,
            totals[0], totals[2]);
      }
    } finally {
      pool.shutdown();
    }
    return 0;
  }

  /** Alarms and worker CPU nanoseconds. */
  private static long[] detectAll(ExecutorService pool, Detector detector,
      List<CountSeries> series, int workers) throws InterruptedException, ExecutionException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<Future<long[]>> parts = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int first = w;
      parts.add(pool.submit(() -> {
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long alarms = 0;
        long checksum = 0;
        for (int i = first; i < series.size(); i += workers) {
          Detection d = detector.detect(series.get(i)).value();
          for (WeekResult week : d.weeks()) {
            alarms += week.alarm() == org.datenraum.surveillance.Alarm.RAISED ? 1 : 0;
            checksum += mix(i * 1_000_003L + week.epoch(), Double.doubleToLongBits(week.upperBound()),
                Double.doubleToLongBits(week.expected()));
          }
        }
        return new long[] {alarms, cpu.getCurrentThreadCpuTime() - cpuStart, checksum};
      }));
    }
    long[] total = new long[3];
    for (Future<long[]> part : parts) {
      long[] p = part.get();
      total[0] += p[0];
      total[1] += p[1];
      total[2] += p[2];
    }
    return total;
  }

  /** A hash of one week's result; summed over weeks it does not depend on the order of the workers. */
  private static long mix(long week, long upperBound, long expected) {
    long h = week * 0x9E3779B97F4A7C15L ^ upperBound;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L ^ expected;
    return (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
  }

  private List<CountSeries> generate(int weeks) {
    SplittableRandom random = new SplittableRandom(seed);
    List<CountSeries> out = new ArrayList<>();
    for (int site = 0; site < sites; site++) {
      double siteSize = Math.exp(0.6 * gaussian(random));
      for (int syndrome = 0; syndrome < syndromes; syndrome++) {
        double amplitude = 0.2 + 0.6 * random.nextDouble();
        double phase = 2 * Math.PI * random.nextDouble();
        double size = 2 + 18 * random.nextDouble();
        for (int age = 0; age < ageGroups; age++) {
          double base = 6 * siteSize * Math.exp(0.5 * gaussian(random));
          double[] counts = new double[weeks];
          for (int t = 0; t < weeks; t++) {
            double mean = base * Math.exp(amplitude * Math.cos(2 * Math.PI * t / 52 + phase));
            counts[t] = negativeBinomial(random, mean, size);
          }
          out.add(CountSeries.of("site" + site + "/syndrome" + syndrome + "/age" + age, 52,
              counts));
        }
      }
    }
    return out;
  }

  /** Poisson(Gamma(size, mean/size)): mean {@code mean}, variance mean + mean²/size. */
  private static double negativeBinomial(SplittableRandom random, double mean, double size) {
    return poisson(random, gamma(random, size) * mean / size);
  }

  /** Marsaglia–Tsang for shape ≥ 1, unit scale. */
  private static double gamma(SplittableRandom random, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = gaussian(random);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double poisson(SplittableRandom random, double mean) {
    if (mean > 500) {
      return Math.max(0, Math.rint(mean + Math.sqrt(mean) * gaussian(random)));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
