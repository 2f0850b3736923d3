package org.datenraum.app.federation;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.app.surveillance.SiteDailyCounts;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.Cohorts;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.mapping.MappingDirectory;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum node}: runs a site node, or (with a subcommand) decides on its requests. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run the site node: poll the broker (outbound only), approve, answer with protected counts.",
    subcommands = {NodeRequestsCommand.class, NodeRequestsCommand.Approve.class, NodeRequestsCommand.Reject.class})
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

  @Option(names = "--require-consent",
      description = "Count only patients with a permitting broad consent (default: all but those who denied).")
  boolean requireConsent;

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
    Result<TermCodeMapping> terms = mapping == null ? Result.ok(Mappings.builtIn()) : MappingDirectory.load(mapping);
    if (!terms.isOk()) {
      err.println("datenraum node: " + terms.problem().text());
      return 2;
    }
    NodeConfig config = NodeConfig.defaults().withAutoApprove(types(autoApprove))
        .withConsent(requireConsent ? ConsentPolicy.REQUIRE_PERMIT : ConsentPolicy.EXCLUDE_DENIED);
    var client = KeyFiles.client(broker, keyFile, tls.tls());
    DuckDbSiteStore store = dir.openStore(Clock.systemUTC());
    Cohorts cohorts = Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store);
    Node node;
    try {
      node = Node.start(config, new NodeParts(cohorts, terms.value(), client,
          new NodeDirectory(site), Clock.systemUTC(), new SecureRandom()),
          SiteDailyCounts.of(store, ZoneId.of("Europe/Berlin"), surveillanceMinCell));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    spec.commandLine().getOut().println("Node for " + dir.root() + " polling " + broker + "; stop with Ctrl-C.");
    spec.commandLine().getOut().flush();
    UntilStopped.await("node", () -> {
      node.close();
      store.close();
    });
    return 0;
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
