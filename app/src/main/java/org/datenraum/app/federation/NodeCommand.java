package org.datenraum.app.federation;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.node.SiteSessions;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.mapping.MappingDirectory;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum node}: runs a site node, or (with a subcommand) decides on its requests. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run the site node: poll the broker (outbound only), approve, answer with protected counts.",
    subcommands = {NodeRequestsCommand.class, NodeRequestsCommand.Approve.class, NodeRequestsCommand.Reject.class,
        NodeKeysCommand.Add.class, NodeKeysCommand.List.class, NodeKeysCommand.Revoke.class})
public final class NodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClientTlsOptions tls;

  @Option(names = "--site", description = "The site's data directory (with its store); required to run the node.")
  Path site;

  @Option(names = "--broker", description = "The broker's address, e.g. https://broker.example:8443; required to"
      + " run the node.")
  URI broker;

  @Option(names = "--key-file", description = "The site's key file, issued by the operator; required to run the"
      + " node.")
  Path keyFile;

  @Option(names = "--auto-approve", split = ",", paramLabel = "TYPE",
      description = "Request types answered without a person: feasibility, stratified, surveillance (the daily"
          + " rounds of the standing surveillance request). Saved for later starts"
          + " while the policy is unchanged; `none` clears them.")
  List<String> autoApprove;

  @Option(names = "--mapping", description = "A term-code mapping directory instead of the built-in mapping.")
  Path mapping;

  @Option(names = "--surveillance-min-cell", defaultValue = "5", paramLabel = "N",
      description = "Daily surveillance counts from 1 to N-1 are withheld (default: ${DEFAULT-VALUE}).")
  int surveillanceMinCell;

  @Option(names = "--store-wait-minutes", defaultValue = "120", paramLabel = "MIN",
      description = "How long a request waits for the site store while another process (a load) holds it,"
          + " before it fails (default: ${DEFAULT-VALUE}).")
  long storeWaitMinutes;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Serve the site admin pages and the local import calls on this port (default: off); they take"
          + " site-local keys (`node add-key`).")
  Integer httpPort;

  @Option(names = "--http-bind", defaultValue = NodeHttpConfig.LOOPBACK, paramLabel = "ADDR",
      description = "The address of this machine the local port listens on (default: ${DEFAULT-VALUE}).")
  String httpBind;

  @Option(names = "--read-only-store",
      description = "Open the site store read-only when the node starts and hold it until it stops: the feasibility"
          + " index is ready before the first request and stays in memory. Several nodes and readers may share the"
          + " store; no load can write it while the node runs.")
  boolean readOnlyStore;

  @Option(names = "--require-consent",
      description = "Count only patients with a permitting broad consent (default: all but those who denied).")
  boolean requireConsent;

  /** Pauses between attempts to open a busy site store: 1 s doubling to 30 s. */
  private static final Backoff STORE_RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (site == null || broker == null || keyFile == null) {
      err.println("datenraum node: DR-5601 --site, --broker and --key-file are required to run the node"
          + " (or use `node requests|approve|reject --site DIR`).");
      return 2;
    }
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println("datenraum node: DR-5602 --site `" + site + "` has no site store: load data with `datenraum ingest`.");
      return 2;
    }
    if (storeWaitMinutes < 0) {
      err.println("datenraum node: DR-5604 --store-wait-minutes `" + storeWaitMinutes
          + "` is negative: give the minutes a request may wait for a busy site store, 0 or more.");
      return 2;
    }
    Result<TermCodeMapping> terms = mapping == null ? Result.ok(Mappings.builtIn()) : MappingDirectory.load(mapping);
    if (!terms.isOk()) {
      err.println("datenraum node: " + terms.problem().text());
      return 2;
    }
    NodeConfig config = NodeConfig.defaults().withAutoApprove(types(autoApprove))
        .withConsent(requireConsent ? ConsentPolicy.REQUIRE_PERMIT : ConsentPolicy.EXCLUDE_DENIED);
    var client = KeyFiles.client(broker, keyFile, tls.tls());
    NodeSiteData data = new NodeSiteData(dir, Clock.systemUTC(), ZoneId.of("Europe/Berlin"), surveillanceMinCell);
    if (httpPort != null && (httpPort < 1 || httpPort > 65535)) {
      err.println("datenraum node: DR-7100 --http-port `" + httpPort + "` is not a port: give 1 to 65535.");
      return 2;
    }
    HeldSiteData held = null;
    if (readOnlyStore) {
      Result<HeldSiteData> opened = HeldSiteData.tryOpen(data);
      if (!opened.isOk()) {
        err.println("datenraum node: " + opened.problem().text());
        return 2;
      }
      held = opened.value();
    }
    try {
      return run(data, held, terms.value(), config, client);
    } finally {
      if (held != null) {
        held.close();
      }
    }
  }

  private Integer run(NodeSiteData data, HeldSiteData held, TermCodeMapping terms, NodeConfig config,
      org.datenraum.federation.BrokerClient client) {
    var err = spec.commandLine().getErr();
    SiteDirectory dir = data.site();
    SiteSessions sessions = SiteSessions.of(held == null ? data : held, data.dailyPolicy(),
        Duration.ofMinutes(storeWaitMinutes), STORE_RETRY);
    showRequestLog();
    AtomicReference<Node> running = new AtomicReference<>();
    NodeHttp http;
    try {
      http = httpPort == null ? null : NodeHttp.start(new NodeHttpConfig(httpBind, httpPort),
          NodeKeysCommand.keys(site), NodeHttpWiring.routes(dir, SiteAdminWiring.admin(dir,
              held == null ? SiteAdminWiring.perReading(dir, Clock.systemUTC()) : SiteAdminWiring.held(held.store()), () -> running.get() == null ? Set.of()
                  : running.get().autoApproved()), "Datenraum · " + dir.root().getFileName()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("datenraum node: " + e.getMessage());
      return 2;
    }
    Node node;
    try {
      node = Node.start(config, new NodeParts(sessions, terms, client, new NodeDirectory(site),
          Clock.systemUTC(), new SecureRandom()), sessions);
      running.set(node);
    } catch (RuntimeException e) {
      if (http != null) {
        http.close();
      }
      throw e;
    }
    spec.commandLine().getOut().println("Node for " + dir.root() + " polling " + broker
        + (http == null ? "" : "; local port on " + http.uri()) + (held == null ? "" : "; " + held.summary())
        + "; stop with Ctrl-C.");
    spec.commandLine().getOut().flush();
    UntilStopped.await("node", () -> {
      node.close();
      if (http != null) {
        http.close();
      }
    }, node.refused());
    if (node.refused().isDone()) {
      err.println("datenraum node: " + node.refused().join());
      return 1;
    }
    return 0;
  }

  /** The running node shows its one line per request unless the logging configuration sets that logger. */
  private static void showRequestLog() {
    if (LoggerFactory.getLogger(Node.REQUEST_LOG) instanceof ch.qos.logback.classic.Logger l && l.getLevel() == null) {
      l.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  static Set<RequestType> types(List<String> names) {
    if (names == null) {
      return null;
    }
    Set<RequestType> out = EnumSet.noneOf(RequestType.class);
    for (String n : names) {
      if (!n.equals("none")) {
        out.add(RequestType.ofWire(n.strip()));
      }
    }
    return out;
  }
}
