package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.time.LocalDate;
import org.datenraum.app.demo.DemoLocalPort;
import org.datenraum.app.demo.DemoNetwork;
import org.datenraum.app.demo.DemoSite;
import org.datenraum.app.emergency.CdaHttpRoute;
import org.datenraum.app.federation.UntilStopped;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.web.broker.BrokerPortal;

/**
 * The demo network kept running: broker and nodes with their local ports, the URLs and a demo key
 * per role printed, the standing surveillance request with its first round, until Ctrl-C, SIGTERM
 * or interruption stops everything.
 */
final class DemoServe {

  /** The line that says the network answers; scripts and tests wait for it. */
  static final String READY = "Demo network ready";

  private DemoServe() {}

  /**
   * Starts the network on {@code port} (the nodes' local ports follow it: port+1, port+2, ...; all
   * free ones for port 0) and blocks until stopped.
   */
  static int run(Path dir, List<DemoSite> sites, int port, Set<String> byHand, PrintWriter out, PrintWriter err)
      throws IOException {
    LocalDate first = GeneratorConfig.DEFAULT_START;
    LocalDate last = first.plusYears(DemoSites.YEARS).minusDays(1);
    DemoNetwork network;
    try {
      network = DemoNetwork.start(dir.resolve("broker"), port, sites, new DemoNetwork.Serving(
          i -> port == 0 ? 0 : port + 1 + i, BrokerPortal.of(Clock.systemUTC(), new SecureRandom()), byHand,
          first, last));
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("datenraum demo: " + e.getMessage());
      return 2;
    }
    awaitConnected(network);
    String operatorKey = Files.readString(dir.resolve("broker").resolve("operator.key")).strip();
    out.printf("%n2. The network (data in %s)%n", dir.toAbsolutePath());
    out.printf("  portal           %s/   (researcher and operator pages; the API under /v1)%n",
        network.broker().localUri());
    out.printf("    researcher `%s`  key %s%n", DemoNetwork.RESEARCHER, network.researcherKey());
    out.printf("    operator `operator`        key %s%n", operatorKey);
    for (DemoLocalPort p : network.localPorts()) {
      out.printf("  %-34s site admin pages %s/%n    site admin `%s`  key %s%n", p.site().name(), p.uri(),
          DemoNetwork.SITE_ADMIN, p.key());
      out.printf("    AKTIN CDA import: POST %s as text/xml%n    site import `%s`  key %s%n",
          CdaHttpRoute.PATH, DemoNetwork.SITE_IMPORT, p.importKey());
    }
    out.printf("  Feasibility and stratified requests are approved by rule at %s.%n"
        + "  The surveillance request stands; its first round (%s..%s) runs now, the next daily.%n"
        + "  The keys are for this demo run only; the next start makes new ones.%n%n",
        byHand.isEmpty() ? "every site" : "every site but " + String.join(", ", byHand) + " (approve there by hand)",
        first, last);
    out.printf("%s %.1f s after start: %s ; stop with Ctrl-C.%n", READY, sinceStart(), network.broker().localUri());
    out.flush();
    UntilStopped.await("demo", () -> {
      network.close();
      out.println("Demo network stopped.");
      out.flush();
    });
    return 0;
  }

  /** Waits briefly until every node's first poll reached the broker, so the first question is answered at once. */
  private static void awaitConnected(DemoNetwork network) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!network.allConnected() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static double sinceStart() {
    Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    return Duration.between(started, Instant.now()).toMillis() / 1000.0;
  }
}
