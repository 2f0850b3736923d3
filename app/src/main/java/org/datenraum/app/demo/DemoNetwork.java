package org.datenraum.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.time.LocalDate;
import java.time.ZoneId;
import org.datenraum.app.surveillance.SiteDailyCounts;
import org.datenraum.federation.v1.StandingSurveillance;
import java.util.function.IntUnaryOperator;
import org.datenraum.app.federation.NodeHttpWiring;
import org.datenraum.app.federation.SiteAdminWiring;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.broker.BrokerPages;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.Cohorts;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;

/**
 * The demo's running network in this JVM: a broker on 127.0.0.1 with fresh state, the sites and a
 * researcher registered, and one auto-approving node per site on its own store. Stop with
 * {@link #close()}. Not thread-safe.
 */
public final class DemoNetwork implements AutoCloseable {

  /** The researcher who asks the demo's questions. */
  public static final String RESEARCHER = "demo-researcher";

  /** The surveillance rounds' time zone and smallest released cell, as {@code datenraum node}'s defaults. */
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final int MIN_CELL = 5;

  /** The name of the site admin key the demo creates at every site. */
  public static final String SITE_ADMIN = "demo-admin";
  /** The site import key's name on each node's local port (the ED's information system posting CDA documents). */
  public static final String SITE_IMPORT = "demo-kis";

  private final Broker broker;
  private final List<DuckDbSiteStore> stores = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<NodeHttp> locals = new ArrayList<>();
  private final List<DemoLocalPort> localPorts = new ArrayList<>();
  private BrokerClient researcher;
  private String researcherKey;
  private String surveillanceRound;

  private DemoNetwork(Broker broker) {
    this.broker = broker;
  }

  /** Starts the broker with its state in {@code brokerDir} (removed first) and a node per site. */
  public static DemoNetwork start(Path brokerDir, int port, List<DemoSite> sites) {
    return start(brokerDir, port, sites, null);
  }

  /**
   * How the running demo serves: the i-th node's local port ({@code localPorts.applyAsInt(i)}, 0 for
   * a free one), the pages beside the broker's API, the sites (accounts) that approve feasibility
   * and stratified requests by hand, and the days of the standing surveillance request's first
   * round. Immutable.
   */
  public record Serving(IntUnaryOperator localPorts, BrokerPages pages, Set<String> byHand, LocalDate surveillanceFrom,
      LocalDate surveillanceThrough) {
    public Serving {
      java.util.Objects.requireNonNull(localPorts, "localPorts");
      java.util.Objects.requireNonNull(pages, "pages");
      byHand = Set.copyOf(byHand);
      java.util.Objects.requireNonNull(surveillanceFrom, "surveillanceFrom");
      java.util.Objects.requireNonNull(surveillanceThrough, "surveillanceThrough");
    }
  }

  /**
   * As {@link #start(Path, int, List)}; with {@code serving} (not null) also the pages, each
   * node's local port with a fresh site admin key, the surveillance rounds answered by every node,
   * and the standing surveillance request with its first round started.
   */
  public static DemoNetwork start(Path brokerDir, int port, List<DemoSite> sites, Serving serving) {
    DemoFiles.deleteTree(brokerDir);
    DemoNetwork n = new DemoNetwork(Broker.start(BrokerConfig.of(brokerDir, port).withHost("127.0.0.1"),
        BrokerConfig.Runtime.system(), serving == null ? BrokerPages.NONE : serving.pages()));
    try {
      BrokerClient operator = BrokerClient.of(n.broker.localUri(), read(brokerDir.resolve("operator.key")));
      n.researcherKey = operator.addResearcher(RESEARCHER).orThrow().key();
      n.researcher = BrokerClient.of(n.broker.localUri(), n.researcherKey);
      for (int i = 0; i < sites.size(); i++) {
        DemoSite s = sites.get(i);
        n.startNode(s, operator.addSite(s.account()).orThrow().key(), serving);
        if (serving != null) {
          n.serveLocally(s, serving.localPorts().applyAsInt(i), n.stores.get(i), n.nodes.get(i));
        }
      }
      if (serving != null) {
        operator.standing(new StandingSurveillance(serving.surveillanceFrom(), "06:00", ZONE.getId(), MIN_CELL))
            .orThrow();
        n.surveillanceRound = operator.startRound(serving.surveillanceThrough()).orThrow().id();
      }
      return n;
    } catch (RuntimeException e) {
      n.close();
      throw e;
    }
  }

  /**
   * The demo's broker starts with fresh state every time, so the audit head a site kept from the
   * previous run's broker belongs to another log; held against the new one it would read as a
   * rewritten log.
   */
  private static void forgetEarlierBrokerHead(NodeDirectory dir) {
    try {
      Files.deleteIfExists(dir.brokerAuditHead());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir.brokerAuditHead() + ": " + e.getMessage(), e);
    }
  }

  private void startNode(DemoSite site, String key, Serving serving) {
    DuckDbSiteStore store = new SiteDirectory(site.dir()).openStore(Clock.systemUTC());
    stores.add(store);
    Set<RequestType> auto = EnumSet.of(RequestType.FEASIBILITY, RequestType.STRATIFIED);
    if (serving != null) {
      auto = serving.byHand().contains(site.account()) ? EnumSet.of(RequestType.SURVEILLANCE)
          : EnumSet.of(RequestType.FEASIBILITY, RequestType.STRATIFIED, RequestType.SURVEILLANCE);
    }
    NodeConfig config = NodeConfig.defaults().withAutoApprove(auto);
    Cohorts cohorts = Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store);
    NodeDirectory dir = new NodeDirectory(site.dir());
    forgetEarlierBrokerHead(dir);
    NodeParts parts = new NodeParts(cohorts, Mappings.builtIn(), BrokerClient.of(broker.localUri(), key), dir,
        Clock.systemUTC(), new SecureRandom());
    nodes.add(serving == null ? Node.start(config, parts)
        : Node.start(config, parts, SiteDailyCounts.of(store, ZONE, MIN_CELL)));
  }

  private void serveLocally(DemoSite site, int port, DuckDbSiteStore store, Node node) {
    NodeDirectory dir = new NodeDirectory(site.dir());
    LocalKeys keys = LocalKeys.in(dir.root());
    keys.revoke(SITE_ADMIN);
    String key = keys.create(SITE_ADMIN, LocalRole.SITE_ADMIN, Clock.systemUTC(), new SecureRandom()).value();
    keys.revoke(SITE_IMPORT);
    String importKey = keys.create(SITE_IMPORT, LocalRole.SITE_IMPORT, Clock.systemUTC(), new SecureRandom()).value();
    NodeHttp http;
    try {
      SiteDirectory siteDir = new SiteDirectory(site.dir());
      http = NodeHttp.start(NodeHttpConfig.loopback(port), keys, NodeHttpWiring.routes(siteDir, store,
          SiteAdminWiring.admin(siteDir, SiteAdminWiring.held(store), node::autoApproved), site.name()));
    } catch (IllegalStateException inUse) {
      throw new IllegalStateException("DR-7121 port `" + port + "` for the local port of " + site.name() + " is in"
          + " use by another process: stop it, or give --port a port whose next three are free (0 for free ones).",
          inUse);
    }
    locals.add(http);
    localPorts.add(new DemoLocalPort(site, http.uri(), key, importKey));
  }

  /** The nodes' local ports with their site admin keys, when started with them. */
  public List<DemoLocalPort> localPorts() {
    return List.copyOf(localPorts);
  }

  /** The id of the surveillance round started with the network, when started with {@link Serving}. */
  public String surveillanceRound() {
    return surveillanceRound;
  }

  /** The researcher's key. */
  public String researcherKey() {
    return researcherKey;
  }

  public Broker broker() {
    return broker;
  }

  /** A client with the researcher's key. */
  public BrokerClient researcher() {
    return researcher;
  }

  /** Whether every node's last poll reached the broker. */
  public boolean allConnected() {
    return nodes.stream().allMatch(Node::connected);
  }

  @Override
  public void close() {
    locals.forEach(NodeHttp::close);
    nodes.forEach(Node::close);
    stores.forEach(DuckDbSiteStore::close);
    broker.close();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }
}
