package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.datenraum.app.DemoSites;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.quality.DataQuality;
import org.datenraum.store.quality.KnownSystems;
import org.datenraum.app.demo.DemoLocalPort;
import org.datenraum.app.demo.DemoNetwork;
import org.datenraum.app.demo.DemoSite;
import org.datenraum.broker.BrokerPages;
import org.datenraum.broker.PageSessions;
import org.datenraum.federation.BrokerClient;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.admin.QualityFile;
import org.datenraum.web.broker.BrokerPortal;
import org.datenraum.web.kit.Messages;
import org.datenraum.web.research.Draft;
import org.datenraum.web.research.DraftCodec;
import org.datenraum.web.research.UploadCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code datenraum bench portal}: the demo's network at its size (three generated sites, broker,
 * nodes, portal and site admin pages in this process), and every page asked once (its first view)
 * and then repeatedly, as a signed-in researcher, operator and site admin would. Prints the time
 * from sending to the last byte on loopback per page, and the machine's load average.
 */
@Command(name = "portal", mixinStandardHelpOptions = true,
    description = "Server time of every portal and site admin page, first and repeated views, on a demo-size network.")
public final class PortalBench implements Callable<Integer> {

  private static final String QUERY = """
      {"version":"http://to_be_decided.com/draft-2/schema#","inclusionCriteria":[[{"context":{"system":"fdpg.mii.cds",
      "code":"Diagnose","display":"Diagnose"},"termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm",
      "code":"E11","display":"Diabetes mellitus, Typ 2"}]}],[{"context":{"system":"fdpg.mii.cds","code":"Laboruntersuchung",
      "display":"Laboruntersuchung"},"termCodes":[{"system":"http://loinc.org","code":"4548-4","display":"HbA1c"}]}]],
      "exclusionCriteria":[[{"context":{"system":"fdpg.mii.cds","code":"Diagnose","display":"Diagnose"},
      "termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm","code":"I10","display":"Hypertonie"}]}]]}""";

  @Option(names = "--dir", defaultValue = "bench-data/portal",
      description = "Where the sites are generated and kept for the next run (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--patients", defaultValue = "1000",
      description = "Patients of the first site, as `datenraum demo --patients` (default: ${DEFAULT-VALUE}).")
  long patients;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed of the sites (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--repeat", defaultValue = "10",
      description = "Repeated views of each page after its first (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (patients < 20 || repeat < 1) {
      spec.commandLine().getErr().println("datenraum bench portal: DR-7070 --patients `" + patients + "` and --repeat `"
          + repeat + "` must be at least 20 and 1.");
      return 2;
    }
    out.printf("portal bench: load average %.2f at start; sites:%n", load());
    List<DemoSite> sites = DemoSites.prepare(dir, patients, seed, out);
    for (DemoSite s : sites) {
      out.printf("  %-34s data quality kept by its load: %s%n", s.name(),
          QualityFile.read(new NodeDirectory(s.dir())).isPresent() ? "yes" : "no (measured at the first view)");
    }
    qualityTimes(sites.get(0), out);
    freshSurveillance(sites);
    LocalDate first = GeneratorConfig.DEFAULT_START;
    String byHand = DemoSites.ACCOUNTS.get(sites.size() - 1);
    Prepared prepared = new Prepared(BrokerPortal.of(Clock.systemUTC(), new SecureRandom()));
    try (DemoNetwork network = DemoNetwork.start(dir.resolve("broker"), 0, sites, new DemoNetwork.Serving(i -> 0,
        prepared, Set.of(byHand), first, first.plusYears(DemoSites.YEARS).minusDays(1)))) {
      String operatorKey = Files.readString(dir.resolve("broker").resolve("operator.key")).strip();
      long roundDone = awaitRound(BrokerClient.of(network.broker().localUri(), operatorKey),
          network.surveillanceRound());
      double ready = prepared.await(network.researcher(), roundDone);
      out.printf("surveillance round answered by every site; its view built and evaluated %.1f s later;"
          + " pages follow (load average %.2f)%n", ready, load());
      out.printf("%-52s %9s %9s %9s%n", "page", "first", "median", "max");
      researcher(network, out, roundDone);
      PageClient op = new PageClient(network.broker().localUri());
      op.signIn(operatorKey);
      timed(out, op, "operator: sites and keys", "/operator/principals");
      timed(out, op, "operator: audit log with verification", "/operator/audit");
      timed(out, op, "operator: surveillance", "/surveillance");
      timed(out, op, "operator: surveillance, a chosen range (from, to)", "/surveillance?from="
          + first.plusMonths(6) + "&to=" + first.plusYears(DemoSites.YEARS).minusDays(1));
      DemoLocalPort local = network.localPorts().get(sites.size() - 1);
      PageClient admin = new PageClient(local.uri());
      admin.signIn(local.key());
      timed(out, admin, "site admin: approvals (a request waiting)", "/site/approvals");
      timed(out, admin, "site admin: data and data quality", "/site/data");
      timed(out, admin, "site admin: quarantine", "/site/quarantine");
      timed(out, admin, "site admin: audit log with verification", "/site/audit");
    }
    out.printf("load average %.2f at the end (%d processors)%n", load(), Runtime.getRuntime().availableProcessors());
    return 0;
  }

  private void researcher(DemoNetwork network, PrintWriter out, long roundDone) {
    PageClient r = new PageClient(network.broker().localUri());
    r.signIn(network.researcherKey());
    String q = DraftCodec.encode(Draft.of(UploadCheck.check(QUERY, Messages.of(Messages.ENGLISH, List.of(BrokerPortal.BUNDLE))).value()));
    timed(out, r, "surveillance (first view after the round's counts)", "/surveillance");
    timed(out, r, "editor, empty", "/research/query");
    timed(out, r, "editor with a three-criterion query", "/research/query?q=" + q);
    timed(out, r, "search fragment (Diabetes)", "/research/terms?text=Diabetes&q=" + q);
    timed(out, r, "editor with search results", "/research/query?text=Diabetes&q=" + q);
    PageClient.Timed sent = r.post("/research/query/submit", Map.of("q", q, "stratify", "sex"));
    if (sent.location() == null) {
      throw new IllegalStateException("the portal did not accept the bench's request (HTTP " + sent.status() + ")");
    }
    timed(out, r, "request result (3 sites, by sex)", sent.location());
    timed(out, r, "status fragment (polled every second)", sent.location() + "/status");
    r.post("/research/saved", Map.of("q", q, "title", "Diabetes mit HbA1c", "comment", "bench"));
    timed(out, r, "requests", "/research/requests");
    timed(out, r, "saved queries", "/research/saved");
    timed(out, r, "registry reports", "/research/reports");
  }

  private void timed(PrintWriter out, PageClient c, String name, String path) {
    PageClient.Timed first = c.get(path);
    if (first.status() != 200) {
      throw new IllegalStateException(name + ": HTTP " + first.status() + " for " + path);
    }
    double[] again = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      again[i] = c.get(path).millis();
    }
    Arrays.sort(again);
    out.printf("%-52s %6.0f ms %6.0f ms %6.0f ms%n", name, first.millis(), again[repeat / 2], again[repeat - 1]);
    out.flush();
  }

  /**
   * Starts every run's broker without surveillance cells, so that each run measures the first view
   * after a round's counts: the reused sites' nodes learn that the new broker holds none of their
   * days ({@code GET /v1/node/surveillance/days}) and send them all again.
   */
  private void freshSurveillance(List<DemoSite> sites) throws java.io.IOException {
    Path broker = dir.resolve("broker");
    if (Files.exists(broker)) {
      try (var files = Files.walk(broker)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** Waits until every site answered the round; the time it saw that, from {@link System#nanoTime()}. */
  private static long awaitRound(BrokerClient operator, String id) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      var round = operator.round(id).orThrow();
      if (!round.sites().isEmpty() && round.sites().stream().allMatch(s -> s.status().terminal())) {
        return System.nanoTime();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("surveillance round " + id + " was not answered within 300 s");
  }

  /** The portal's pages, noting the tag of the last surveillance view they prepared. */
  private static final class Prepared implements BrokerPages {

    private final BrokerPortal portal;
    private volatile String tag;

    Prepared(BrokerPortal portal) {
      this.portal = portal;
    }

    @Override
    public void routes(Javalin app, Supplier<URI> self, java.util.Optional<javax.net.ssl.SSLContext> selfTls,
        PageSessions sessions) {
      portal.routes(app, self, selfTls, sessions);
    }

    @Override
    public void surveillanceBuilt(String tag, byte[] json) {
      portal.surveillanceBuilt(tag, json);
      this.tag = tag;
    }

    /** Seconds from {@code since} until the portal holds the broker's current view, evaluated. */
    double await(BrokerClient researcher, long since) throws InterruptedException {
      long deadline = System.nanoTime() + 300_000_000_000L;
      while (System.nanoTime() < deadline) {
        String held = tag;
        if (held != null && researcher.surveillance(null, null, held).status() == 304) {
          return (System.nanoTime() - since) / 1e9;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the portal did not prepare the surveillance view within 300 s");
    }
  }

  /** How long the site's data quality takes counted by the database and passed fact by fact. */
  private static void qualityTimes(DemoSite site, PrintWriter out) {
    try (DuckDbSiteStore store = new SiteDirectory(site.dir()).openStore(Clock.systemUTC())) {
      for (int run = 1; run <= 2; run++) {
        long start = System.nanoTime();
        var counted = store.quality(KnownSystems.DEFAULT, Clock.systemUTC().instant());
        double db = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        var passed = DataQuality.measure(store, KnownSystems.DEFAULT, counted.measured());
        double java = (System.nanoTime() - start) / 1e6;
        out.printf("  data quality of %s (%,d facts), run %d: counted by the database %.0f ms, fact by fact %.0f ms%s%n",
            site.name(), counted.facts(), run, db, java, counted.equals(passed) ? "" : " (THE FIGURES DIFFER)");
      }
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

}
