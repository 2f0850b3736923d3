package org.datenraum.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.app.emergency.CdaFiles;
import org.datenraum.app.emergency.CdaHttpRoute;
import org.datenraum.app.emergency.SiteVisitStore;
import org.datenraum.app.report.EmergencyReportCommand;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.files.OwnerOnly;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.registry.emergency.MonthlyEmergencyReport;
import org.datenraum.registry.emergency.ReportPdf;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench emergency}: a month of a large emergency department as synthetic AKTIN
 * CDA documents, imported from files and over HTTP (documents/s), then the monthly report over
 * the imported month (seconds).
 */
@Command(name = "emergency", mixinStandardHelpOptions = true,
    description = "Times the CDA import (files and HTTP, documents/s) and the emergency monthly report over a month"
        + " of synthetic visits.")
public final class EmergencyBench implements Callable<Integer> {

  private static final String CLIENT_THREAD = "bench-client-";

  @Option(names = "--visits", defaultValue = "10000", description = "Visits in the month (default: ${DEFAULT-VALUE}).")
  int visits;

  @Option(names = "--month", defaultValue = "2026-11", description = "The month (default: ${DEFAULT-VALUE}).")
  String month;

  @Option(names = "--http-visits", description = "Documents sent over HTTP (default: all of --visits).")
  Integer httpVisits;

  @Option(names = "--clients", defaultValue = "4", description = "Parallel HTTP clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--runs", defaultValue = "3", description = "Timed report runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--passes", defaultValue = "1", description = "Import passes, each into new sites; the first"
      + " includes the JVM's compilation of the import's code, later ones show a running node (default:"
      + " ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--client", defaultValue = "plain", description = "HTTP client: plain (a lean HTTP/1.1 client that"
      + " keeps its connection, standing for hospital systems on other machines) or jdk (java.net.http; it takes"
      + " about 0.3-0.6 ms of this process's CPU per document) (default: ${DEFAULT-VALUE}).")
  String client;

  @Option(names = "--no-files", description = "Import over HTTP only, so that the first pass shows a freshly started"
      + " node that has not yet run the import's code.")
  boolean noFiles;

  @Option(names = "--seed", defaultValue = "12", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", description = "Working directory (default: a new temporary one).")
  Path dir;

  @Option(names = "--pdf", paramLabel = "FILE", description = "Also write the month's report as PDF here.")
  Path pdf;

  @Override
  public Integer call() throws Exception {
    if (passes < 1) {
      System.err.println("datenraum bench emergency: --passes `" + passes + "` is not a number of passes: give 1 or more.");
      return 2;
    }
    if (!client.equals("plain") && !client.equals("jdk")) {
      System.err.println("datenraum bench emergency: --client `" + client + "` is not a client: give plain or jdk.");
      return 2;
    }
    YearMonth m = YearMonth.parse(month);
    Path work = dir != null ? OwnerOnly.createDirectories(dir) : Files.createTempDirectory("bench-emergency");
    System.out.printf("emergency bench: %,d visits in %s, %d HTTP clients, load average %s%n", visits, m, clients,
        load());
    List<Path> files = write(work.resolve("documents"), m);
    SiteDirectory reported = null;
    for (int pass = 1; pass <= passes; pass++) {
      long cpu;
      if (!noFiles) {
        reported = new SiteDirectory(work.resolve("site-files-" + pass)).create();
        cpu = cpu();
        double filesRate = importFiles(reported, files);
        System.out.printf("pass %d, import from files: %,d documents in %.1f s = %,.0f documents/s (process CPU %.2f"
            + " ms/document), load average %s%n", pass, files.size(), files.size() / filesRate, filesRate,
            (cpu() - cpu) / 1e6 / files.size(), load());
      }
      cpu = cpu();
      List<Path> posted = files.subList(0, Math.min(files.size(), httpVisits == null ? files.size() : httpVisits));
      SiteDirectory overHttp = new SiteDirectory(work.resolve("site-http-" + pass)).create();
      double[] split = new double[3];
      double httpRate = importHttp(overHttp, posted, split);
      System.out.printf("pass %d, import over HTTP (%d %s clients): %,d documents in %.1f s = %,.0f documents/s"
          + " (process CPU %.2f ms/document, clients included; node request threads %.2f, store writer %.2f,"
          + " clients %.2f), load average %s%n", pass, clients, client, posted.size(), posted.size() / httpRate,
          httpRate, (cpu() - cpu) / 1e6 / posted.size(), split[0], split[1], split[2], load());
      reported = noFiles ? overHttp : reported;
    }
    SiteDirectory fromFiles = reported;
    MonthlyEmergencyReport report = null;
    for (int run = 1; run <= runs; run++) {
      long t = System.nanoTime();
      long c = cpu();
      report = EmergencyReportCommand.report(fromFiles, m, new java.io.PrintWriter(System.err, true));
      double s = (System.nanoTime() - t) / 1e9;
      double cs = (cpu() - c) / 1e9;
      long r = System.nanoTime();
      byte[] bytes = ReportPdf.of(report, "Benchmark");
      System.out.printf("report run %d: %,d visits, figures in %.2f s (process CPU %.2f s), PDF (%,d bytes) in %.2f s%n",
          run, report.population().visits(), s, cs, bytes.length, (System.nanoTime() - r) / 1e9);
      if (pdf != null && run == runs) {
        Files.deleteIfExists(pdf);
        OwnerOnly.writeNew(pdf, bytes);
      }
    }
    return 0;
  }

  private static String load() throws IOException {
    Path avg = Path.of("/proc/loadavg");
    return Files.isReadable(avg) ? Files.readString(avg).strip() : "unknown";
  }

  /** The CPU time of this process so far in nanoseconds: a figure that a loaded machine does not inflate. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private List<Path> write(Path into, YearMonth m) throws IOException {
    OwnerOnly.createDirectories(into);
    SyntheticEdDocuments docs = new SyntheticEdDocuments(seed, m);
    List<Path> out = new ArrayList<>();
    for (int n = 0; n < visits; n++) {
      Path f = into.resolve("visit-" + n + ".xml");
      Files.deleteIfExists(f);
      OwnerOnly.writeNew(f, docs.next(n).getBytes(StandardCharsets.UTF_8));
      out.add(f);
    }
    return out;
  }

  /** Documents/s through the receiver into the site store as {@code datenraum cda} does it: checked beside the store's writes. */
  private static double importFiles(SiteDirectory site, List<Path> files) throws IOException {
    CdaImport receiver = CdaImport.of(site.pseudonymizer());
    long t = System.nanoTime();
    int stored;
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      stored = CdaFiles.loadCounting(receiver, files, new SiteVisitStore(store));
    }
    check(stored, files.size());
    return files.size() / ((System.nanoTime() - t) / 1e9);
  }

  /**
   * Documents/s posted by the clients until the port has stopped; {@code split} gets the CPU ms per
   * document of the node's request threads, its store writer and the clients while they posted.
   */
  private double importHttp(SiteDirectory site, List<Path> files, double[] split) throws Exception {
    LocalKeys keys = LocalKeys.in(new NodeDirectory(site.root()).root());
    String key = keys.create("bench", LocalRole.SITE_IMPORT, Clock.systemUTC(), new SplittableRandom(seed)).value();
    HttpClient jdk = client.equals("jdk") ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients,
        r -> new Thread(r, CLIENT_THREAD + threads.incrementAndGet()));
    long t;
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(CdaHttpRoute.of(site)))) {
      URI uri = URI.create(http.uri() + CdaHttpRoute.PATH);
      try (PlainHttpPost plain = new PlainHttpPost(uri)) {
        byte[] body = Files.readAllBytes(files.get(0));
        int status = jdk != null ? send(jdk, uri, key, body) : plain.post(key, body);
        if (status != 201) {
          throw new IllegalStateException("the first document was answered " + status + ", not 201");
        }
      }
      next.set(1);
      stored.set(1);
      ThreadCpu before = ThreadCpu.now();
      t = System.nanoTime();
      List<Future<?>> jobs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        jobs.add(pool.submit(() -> {
          try (PlainHttpPost plain = new PlainHttpPost(uri)) {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
              byte[] body = Files.readAllBytes(files.get(i));
              if ((jdk != null ? send(jdk, uri, key, body) : plain.post(key, body)) == 201) {
                stored.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get();
      }
      ThreadCpu after = ThreadCpu.now();
      int n = files.size() - 1;
      split[0] = after.since(before, "JettyServerThreadPool") / 1e6 / n;
      split[1] = after.since(before, "cda-store-writer") / 1e6 / n;
      split[2] = (after.since(before, CLIENT_THREAD) + after.since(before, "HttpClient")) / 1e6 / n;
      check(stored.get(), files.size());
    } finally {
      pool.shutdownNow();
    }
    // Closing the port writes the last answered documents to the store: the time counts until they are in it.
    return (files.size() - 1) / ((System.nanoTime() - t) / 1e9);
  }

  private static int send(HttpClient client, URI uri, String key, byte[] body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void check(int stored, int sent) {
    if (stored != sent) {
      throw new IllegalStateException(stored + " of " + sent + " documents were stored: the bench's documents must all be valid");
    }
  }
}
