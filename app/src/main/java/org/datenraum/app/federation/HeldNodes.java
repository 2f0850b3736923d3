package org.datenraum.app.federation;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.tls.ClientTls;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.node.SiteSessions;
import org.datenraum.query.mapping.Mappings;

/**
 * Site nodes in one process, each as {@code datenraum node --read-only-store} runs it (its store
 * held read-only with the index in memory, polling one broker over plain HTTP with the built-in
 * mapping), so that a benchmark can run dozens of sites on a few processes. Closing stops every
 * node and closes its store. Not thread-safe.
 */
public final class HeldNodes implements AutoCloseable {

  private static final Backoff STORE_RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  private final URI broker;
  private final Set<RequestType> autoApprove;
  private final List<AutoCloseable> open = new ArrayList<>();

  private HeldNodes(URI broker, Set<RequestType> autoApprove) {
    this.broker = broker;
    this.autoApprove = Set.copyOf(autoApprove);
  }

  /** No nodes yet; {@link #start} adds them. */
  public static HeldNodes of(URI broker, Set<RequestType> autoApprove) {
    return new HeldNodes(requireNonNull(broker, "broker"), requireNonNull(autoApprove, "autoApprove"));
  }

  /**
   * Starts the node of the site in {@code site} with the key in {@code keyFile} and returns its
   * start line (how the index came to be and how long opening took), or the problem that kept it
   * from starting ({@code DR-7650}, {@code DR-7651}).
   */
  public Result<String> start(Path site, Path keyFile) {
    NodeSiteData data = new NodeSiteData(new SiteDirectory(site), Clock.systemUTC(), ZoneId.of("Europe/Berlin"), 5);
    Result<HeldSiteData> opened = HeldSiteData.tryOpen(data);
    if (!opened.isOk()) {
      return Result.fail(opened.problem());
    }
    HeldSiteData held = opened.value();
    open.add(held);
    SiteSessions sessions = SiteSessions.of(held, data.dailyPolicy(), Duration.ofMinutes(1), STORE_RETRY);
    ClientTls plain = new ClientTls(Optional.empty(), Optional.empty());
    Node node = Node.start(NodeConfig.defaults().withAutoApprove(autoApprove), new NodeParts(sessions,
        Mappings.builtIn(), KeyFiles.client(broker, keyFile, plain), new NodeDirectory(site), Clock.systemUTC(),
        new SecureRandom()), sessions);
    open.add(node);
    return Result.ok(held.summary());
  }

  /** Stops the nodes, then closes their stores, the last started first. */
  @Override
  public void close() {
    RuntimeException failed = null;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        failed = failed == null ? new IllegalStateException("stopping a node failed: " + e.getMessage(), e) : failed;
      }
    }
    open.clear();
    if (failed != null) {
      throw failed;
    }
  }
}
