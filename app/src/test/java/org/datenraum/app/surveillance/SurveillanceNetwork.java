package org.datenraum.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.StartedRound;
import org.datenraum.node.Cohorts;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/** A broker on an adjustable clock and site nodes on loaded site stores, on loopback; closes everything. */
final class SurveillanceNetwork implements AutoCloseable {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock;
  private final Path dir;
  private Broker broker;
  private final BrokerClient operator;
  private final Map<String, Path> sites = new LinkedHashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, DuckDbSiteStore> stores = new LinkedHashMap<>();

  SurveillanceNetwork(Path dir, Instant now) throws Exception {
    this.dir = dir;
    this.clock = new MovableClock(now);
    start(0);
    operator = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
  }

  private void start(int port) {
    broker = Broker.start(BrokerConfig.of(dir, port).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(clock, Duration.ofMillis(100)),
        org.datenraum.web.broker.BrokerPortal.of(Clock.systemUTC(), new java.security.SecureRandom()));
  }

  String uri() {
    return broker.localUri().toString();
  }

  Path operatorKey() {
    return dir.resolve("operator.key");
  }

  BrokerClient operator() {
    return operator;
  }

  Path researcherKey(Path file) throws Exception {
    Files.writeString(file, operator.addResearcher("rki").orThrow().key());
    return file;
  }

  BrokerClient researcher() throws Exception {
    return BrokerClient.of(broker.localUri(), Files.readString(dir.getParent().resolve("rki.key")));
  }

  Path site(String name) {
    return sites.get(name);
  }

  /** Registers the site and starts its node with the surveillance rule. */
  void node(String name, Path site) {
    String key = operator.addSite(name).orThrow().key();
    DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC());
    NodeConfig config = NodeConfig.defaults().withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)))
        .withAutoApprove(Set.of(RequestType.SURVEILLANCE));
    Node node = Node.start(config, new NodeParts(Cohorts.reference(store), Mappings.builtIn(),
        BrokerClient.of(broker.localUri(), key), new NodeDirectory(site), Clock.systemUTC(),
        new SplittableRandom(name.hashCode())), SiteDailyCounts.of(store, ZoneId.of("Europe/Berlin"), 5));
    sites.put(name, site);
    stores.put(name, store);
    nodes.put(name, node);
  }

  void restartBroker() {
    int port = broker.port();
    broker.close();
    start(port);
  }

  /** Waits (60 s at most) until every site finished the round. */
  void awaitDone(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    StartedRound round = null;
    while (System.nanoTime() < deadline) {
      Reply<StartedRound> r = operator.round(id);
      round = r.isOk() ? r.value() : null;
      if (round != null && round.done()) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(round).as("round %s done within 60 s", id).isNotNull().matches(StartedRound::done);
  }

  @Override
  public void close() {
    nodes.values().forEach(Node::close);
    stores.values().forEach(DuckDbSiteStore::close);
    broker.close();
  }
}
