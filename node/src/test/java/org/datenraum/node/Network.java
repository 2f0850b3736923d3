package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.privacy.QuotaPolicy;
import org.datenraum.query.mapping.Mappings;

/** A broker and site nodes on loopback for one test; closes everything. */
final class Network implements AutoCloseable {

  static final NodeConfig FAST = NodeConfig.defaults().withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));

  final Path root;
  Broker broker;
  private int port;
  final BrokerClient operator;
  final BrokerClient researcher;
  final Map<String, String> siteKeys = new HashMap<>();
  final Map<String, Node> nodes = new HashMap<>();

  Network(Path root) throws Exception {
    this.root = root;
    startBroker();
    operator = BrokerClient.of(broker.localUri(), Files.readString(root.resolve("broker/operator.key")));
    researcher = BrokerClient.of(broker.localUri(), operator.addResearcher("alice").orThrow().key());
  }

  void startBroker() {
    broker = Broker.start(BrokerConfig.of(root.resolve("broker"), port).withHost("127.0.0.1")
        .withQuota(new QuotaPolicy(100, 1000)));
    port = broker.port();
  }

  void stopBroker() {
    broker.close();
  }

  void register(String site) {
    siteKeys.put(site, operator.addSite(site).orThrow().key());
  }

  NodeDirectory dir(String site) {
    return new NodeDirectory(root.resolve("sites").resolve(site));
  }

  Node start(String site, Cohorts cohorts, NodeConfig config, long seed) {
    Node n = Node.start(config, new NodeParts(cohorts, Mappings.builtIn(),
        BrokerClient.of(broker.localUri(), siteKeys.get(site)), dir(site), Clock.systemUTC(), new SplittableRandom(seed)));
    nodes.put(site, n);
    return n;
  }

  Node startAuto(String site, Cohorts cohorts, long seed) {
    return start(site, cohorts, FAST.withAutoApprove(java.util.Set.of(RequestType.FEASIBILITY, RequestType.STRATIFIED)), seed);
  }

  void stop(String site) {
    nodes.remove(site).close();
  }

  /** Polls the researcher's view until it satisfies the condition (10 s at most). */
  RequestView await(String id, Predicate<RequestView> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    RequestView v = null;
    while (System.nanoTime() < deadline) {
      v = researcher.request(id, Duration.ZERO).orThrow();
      if (condition.test(v)) {
        return v;
      }
      Thread.sleep(50);
    }
    assertThat(v).as("request state within 10 s").matches(condition);
    return v;
  }

  List<LocalRequest> local(String site) {
    return dir(site).all();
  }

  @Override
  public void close() {
    nodes.values().forEach(Node::close);
    broker.close();
  }
}
