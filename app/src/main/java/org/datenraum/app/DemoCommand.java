package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datenraum.app.demo.DemoAnswer;
import org.datenraum.app.demo.DemoNetwork;
import org.datenraum.app.demo.DemoQuestion;
import org.datenraum.app.demo.DemoSite;
import org.datenraum.privacy.DisclosurePolicy;
import org.datenraum.privacy.NetworkDisclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code datenraum demo}: the demo network on the embedded defaults. Generates three hospitals
 * and loads each into its own site store (or reuses them), starts a broker on 127.0.0.1 and an
 * auto-approving node per site with its local port, prints the addresses and a key per role and
 * runs until stopped; with {@code --once} it asks a feasibility and a stratified question
 * instead, prints what each site did and the merged, privacy-protected answers, and stops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo network until Ctrl-C: three synthetic hospitals with their own site stores and"
        + " nodes, a broker; or, with --once, answer two questions with privacy-protected counts and stop.")
final class DemoCommand implements Callable<Integer> {

  /** The broker's (and so the portal's) port of the running demo unless --port says otherwise. */
  static final int DEFAULT_PORT = 8080;

  @Spec CommandSpec spec;

  @Option(names = "--dir", defaultValue = "demo-data",
      description = "Where the demo network keeps its data (default: ./demo-data).")
  Path dir;

  @Option(names = "--patients", defaultValue = "1000",
      description = "Patients of the first hospital; the others have 3/4 and 1/2 of them (default: 1000).")
  long patients;

  @Option(names = "--seed", defaultValue = "1", converter = Converters.AnyLong.class,
      description = "Random seed of the generated data (default: 1).")
  long seed;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The broker's port on 127.0.0.1; the nodes' local ports follow it (default: 8080, with"
          + " --once a free one; 0 for free ones).")
  Integer port;

  @Option(names = "--approve-by-hand", split = ",", paramLabel = "SITE",
      description = "Sites (musterstadt, beispielburg, nordhafen) whose node waits for a person to approve"
          + " feasibility and stratified requests on its site admin pages (default: none).")
  List<String> byHand = List.of();

  @Option(names = "--once",
      description = "Ask the two questions, print the answers and stop, instead of running until Ctrl-C.")
  boolean once;

  @Option(names = "--timeout", defaultValue = "120",
      description = "Seconds to wait for the sites' answers to one question (default: 120).")
  long timeout;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (port != null && (port < 0 || port > 65532)) {
      spec.commandLine().getErr().println("datenraum demo: DR-7120 --port `" + port + "` is not a port the demo"
          + " can use: give 1 to 65532 (the nodes take the next three) or 0 for free ones.");
      return 2;
    }
    if (patients < 20 || timeout < 1) {
      spec.commandLine().getErr().println("datenraum demo: DR-5702 --patients `" + patients + "` and --timeout `"
          + timeout + "` must be at least 20 and 1: the smallest hospital gets half the patients of the first.");
      return 2;
    }
    out.printf("Datenraum demo network in %s%n%n1. Three hospitals, each with its own pseudonymised site store%n",
        dir.toAbsolutePath());
    out.flush();
    List<DemoSite> sites = DemoSites.prepare(dir, patients, seed, out);
    if (!once) {
      if (!DemoSites.ACCOUNTS.containsAll(byHand)) {
        spec.commandLine().getErr().println("datenraum demo: DR-7122 --approve-by-hand `" + String.join(",", byHand)
            + "` names a site the demo does not have: give some of " + String.join(", ", DemoSites.ACCOUNTS) + ".");
        return 2;
      }
      return DemoServe.run(dir, sites, port == null ? DEFAULT_PORT : port, java.util.Set.copyOf(byHand), out,
          spec.commandLine().getErr());
    }
    Path queries = writeQueries();
    Map<String, String> names = sites.stream().collect(Collectors.toMap(DemoSite::account, DemoSite::name));
    boolean answered = true;
    try (DemoNetwork network = DemoNetwork.start(dir.resolve("broker"), port == null ? 0 : port, sites)) {
      out.printf("%n2. The network%n  broker on %s (state in %s), researcher `%s`;%n"
              + "  %d site nodes poll it (outbound only) and approve feasibility and stratified counts by rule.%n",
          network.broker().localUri(), dir.resolve("broker"), DemoNetwork.RESEARCHER, sites.size());
      int n = 3;
      for (DemoQuestion q : DemoQuestion.all()) {
        out.printf("%n%d. %s%n    query: %s%n", n++, q.title(), queries.resolve(q.file()));
        out.flush();
        DemoAnswer a = DemoAnswer.ask(network.researcher(), q, Duration.ofSeconds(timeout));
        a.print(out, (Function<String, String>) s -> names.getOrDefault(s, s));
        answered &= a.complete();
      }
    }
    explain(out);
    if (!answered) {
      spec.commandLine().getErr().println("datenraum demo: DR-5701 not every site answered within " + timeout
          + " s: see the statuses above; a slow machine may need a larger --timeout.");
      return 1;
    }
    return 0;
  }

  private void explain(PrintWriter out) {
    DisclosurePolicy site = DisclosurePolicy.defaults();
    NetworkDisclosure network = NetworkDisclosure.defaults();
    out.printf("%nOnly protected counts left the sites: each site dropped counts below %d, added Laplace noise"
            + " (epsilon %.1f)%nand rounded to %d; the broker shows merged counts below %d as \"< %d\" and a per-site"
            + " breakdown only%nwhen at least %d sites report more than %d. Asking the same question again gives the"
            + " same answer.%nThe network is stopped. To run it by hand, see docs/federation.md;"
            + " to check a site's audit log:%n"
            + "  datenraum audit verify --site %s%n",
        site.threshold(), site.epsilon(), site.rounding(), network.minTotal(), network.minTotal(),
        network.minSites(), network.minSiteCount(), dir.resolve("sites").resolve("site-1"));
  }

  private Path writeQueries() throws IOException {
    Path q = dir.resolve("queries");
    Files.createDirectories(q);
    for (DemoQuestion question : DemoQuestion.all()) {
      Files.writeString(q.resolve(question.file()), question.ccdl());
    }
    return q;
  }
}
