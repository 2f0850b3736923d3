package org.datenraum.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a synthetic hospital as FHIR R4 NDJSON in the bulk-export layout: one file per
 * resource type. Patients are generated in batches on worker threads and written in patient
 * order, so the output is byte-identical for the same configuration whatever the thread count,
 * and memory does not grow with the number of patients. Immutable and thread-safe.
 */
public final class HospitalGenerator {

  private static final int BATCH = 50;

  private final GeneratorConfig config;
  private final Site site;
  private final PatientStory story;
  private final CohortStudy cohort;
  private final ArrivalCalendar calendar;
  private final Queue<Sinks> spare = new ConcurrentLinkedQueue<>();

  private HospitalGenerator(GeneratorConfig config, CohortStudy cohort) {
    Vocabulary vocab = Vocabulary.get();
    this.config = config;
    this.cohort = cohort;
    this.site = new Site(config.site(), vocab);
    this.calendar = new ArrivalCalendar(vocab, config.start(), config.end());
    this.story = new PatientStory(config, site, vocab, new Demography(), calendar, cohort);
  }

  public static HospitalGenerator of(GeneratorConfig config) {
    return new HospitalGenerator(config, null);
  }

  /**
   * The same hospital with a cohort study of this name ({@link #cohortName}): ResearchStudy,
   * ResearchSubjects, study visits, a Questionnaire and its QuestionnaireResponses.
   */
  public HospitalGenerator withCohort(String name) {
    return new HospitalGenerator(config, new CohortStudy(cohortName(name).value()));
  }

  /** A valid cohort name, or the problem with it. */
  public static org.datenraum.core.Result<String> cohortName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}")) {
      return org.datenraum.core.Result.fail(org.datenraum.core.Problem.invalid("DR-7430",
          "--cohort `" + name + "` is no study name: use 1 to 40 letters, digits, spaces, dots,"
              + " hyphens or underscores, starting with a letter or digit, e.g. `NAPKON-HAP`."));
    }
    return org.datenraum.core.Result.ok(name);
  }

  /** The number of patients a site of this name treats in a year, used when none is given. */
  public static long defaultPatients(String siteName) {
    return new Site(siteName, Vocabulary.get()).defaultPatients;
  }

  /** Writes into {@code dir} (created if needed, files replaced) using all processors. */
  public GenerationSummary writeTo(Path dir, ProgressListener progress) throws IOException {
    return writeTo(dir, Runtime.getRuntime().availableProcessors(), false, progress);
  }

  /**
   * Writes into {@code dir}; with {@code gzip} each file is {@code Type.ndjson.gz}, compressed
   * batch by batch on the worker threads (a gzip file of concatenated members).
   */
  public GenerationSummary writeTo(Path dir, int threads, boolean gzip, ProgressListener progress)
      throws IOException {
    Files.createDirectories(dir);
    ResourceType[] types = java.util.Arrays.stream(ResourceType.values())
        .filter(t -> cohort != null || !t.cohortOnly()).toArray(ResourceType[]::new);
    OutputStream[] files = new OutputStream[ResourceType.values().length];
    long[] counts = new long[files.length];
    long bytes = 0;
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "generator");
      t.setDaemon(true);
      return t;
    });
    try {
      for (ResourceType t : types) {
        files[t.ordinal()] = new BufferedOutputStream(
            Files.newOutputStream(dir.resolve(t.fileName() + (gzip ? ".gz" : ""))), 1 << 20);
      }
      bytes += writeMedications(files[ResourceType.Medication.ordinal()], counts, gzip);
      if (cohort != null) {
        bytes += writeStudy(files, counts, gzip);
      }
      long total = config.totalPatients();
      long resources = java.util.Arrays.stream(counts).sum();
      Deque<Future<Sinks>> pending = new ArrayDeque<>();
      long next = 0;
      long done = 0;
      int window = Math.max(2, threads * 3);
      while (done < total) {
        while (next < total && pending.size() < window) {
          long from = next;
          long to = Math.min(total, next + BATCH);
          pending.add(workers.submit(() -> batch(from, to, gzip)));
          next = to;
        }
        Sinks sinks = await(pending.removeFirst());
        for (ResourceType t : types) {
          FhirOut out = sinks.of(t);
          ByteBuf buf = sinks.output(t);
          buf.writeTo(files[t.ordinal()]);
          bytes += buf.size();
          counts[t.ordinal()] += out.count();
          resources += out.count();
        }
        sinks.clear();
        spare.add(sinks);
        done = Math.min(total, done + BATCH);
        progress.progress(done, total, resources, bytes);
      }
    } finally {
      workers.shutdownNow();
      for (OutputStream f : files) {
        if (f != null) {
          f.close();
        }
      }
    }
    Map<String, Long> byType = new LinkedHashMap<>();
    for (ResourceType t : types) {
      byType.put(t.name(), counts[t.ordinal()]);
    }
    return new GenerationSummary(config.totalPatients(), byType, bytes);
  }

  private Sinks batch(long from, long to, boolean gzip) {
    Sinks sinks = spare.poll();
    if (sinks == null) {
      sinks = new Sinks(64 * 1024);
    }
    for (long i = from; i < to; i++) {
      story.write(i, sinks);
    }
    sinks.finish(gzip);
    return sinks;
  }

  private long writeMedications(OutputStream file, long[] counts, boolean gzip)
      throws IOException {
    Sinks sinks = new Sinks(16 * 1024);
    FhirOut out = sinks.of(ResourceType.Medication);
    for (Vocabulary.Drug d : Vocabulary.get().drugs) {
      CareRecords.medication(out, site, d);
    }
    sinks.finish(gzip);
    ByteBuf buf = sinks.output(ResourceType.Medication);
    buf.writeTo(file);
    counts[ResourceType.Medication.ordinal()] = out.count();
    return buf.size();
  }

  private long writeStudy(OutputStream[] files, long[] counts, boolean gzip) throws IOException {
    Sinks sinks = new Sinks(16 * 1024);
    cohort.writeStudy(sinks, calendar.start(), calendar.end());
    sinks.finish(gzip);
    long bytes = 0;
    for (ResourceType t : new ResourceType[] {ResourceType.ResearchStudy, ResourceType.Questionnaire}) {
      ByteBuf buf = sinks.output(t);
      buf.writeTo(files[t.ordinal()]);
      counts[t.ordinal()] += sinks.of(t).count();
      bytes += buf.size();
    }
    return bytes;
  }

  private static Sinks await(Future<Sinks> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("generation interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
