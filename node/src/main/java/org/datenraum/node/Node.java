package org.datenraum.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.BrokerPoller;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.internal.Answering;
import org.datenraum.node.internal.ApprovalRules;
import org.datenraum.node.internal.AuditHeadExchange;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.node.internal.NoiseSecret;
import org.datenraum.privacy.DisclosureControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site node: polls the broker (outbound only), decides on each request by rule or by a person,
 * answers approved ones from the site's data through disclosure control, and uploads the
 * protected answer; everything is audited in the site directory. Thread-safe; stop with
 * {@link #close()}, which lets requests being answered finish for up to 5 s before it interrupts them.
 */
public final class Node implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  /** How often the node hands its audit head to the broker and takes the broker's. */
  static final long AUDIT_HEADS_EVERY_MS = 5000;
  /** The request log, one line per request handled, at INFO ({@code datenraum node} shows it). */
  public static final String REQUEST_LOG = "org.datenraum.node.requests";
  private static final Logger REQUESTS = LoggerFactory.getLogger(REQUEST_LOG);

  private final NodeDirectory dir;
  private final FileAuditLog audit;
  private final ExecutorService workers;
  private final ScheduledExecutorService decisions;
  private final ScheduledExecutorService heads;
  private final RequestHandling handling;
  private final SurveillanceRounds surveillance;
  private final BrokerPoller poller;
  private final Set<RequestType> autoApproved;

  private Node(NodeConfig config, NodeParts parts, DailyCountsSource daily) {
    this.dir = parts.directory().create();
    this.audit = FileAuditLog.open(dir.auditLog(), dir.auditKey(), dir.auditHead(), parts.clock());
    removeFormerCache(dir);
    String policy = daily.policy().isEmpty() ? config.policyFingerprint()
        : config.policyFingerprint() + ";" + daily.policy();
    Set<RequestType> auto = ApprovalRules.resolve(config.autoApprove(), policy, dir.approvalRules());
    this.autoApproved = Set.copyOf(auto);
    this.surveillance = new SurveillanceRounds(parts, daily, auto.contains(RequestType.SURVEILLANCE), audit,
        config.backoff());
    DisclosureControl control = DisclosureControl.of(config.disclosure(), NoiseSecret.readOrCreate(dir.noiseSecret()));
    Answering answering = new Answering(parts.cohorts(), parts.mapping(), control, config.consent(), parts.clock());
    answering.prepareKeys();
    this.workers = Executors.newFixedThreadPool(2, daemon("node-worker"));
    this.handling = new RequestHandling(parts, auto, answering, audit, config.backoff());
    this.decisions = Executors.newSingleThreadScheduledExecutor(daemon("node-decisions"));
    this.decisions.scheduleWithFixedDelay(this::applyDecisions, 200, 200, TimeUnit.MILLISECONDS);
    this.poller = BrokerPoller.start(parts.broker(), config.pollWait(), config.backoff(),
        new SplittableRandom(parts.random().nextLong()), this::dispatch);
    audit.append("node", "node.started", "", "auto-approve=" + auto + " policy=" + policy);
    this.heads = Executors.newSingleThreadScheduledExecutor(daemon("node-audit-heads"));
    this.heads.scheduleWithFixedDelay(new AuditHeadExchange(parts.broker(), audit, dir.brokerAuditHead()), 0,
        AUDIT_HEADS_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  public static Node start(NodeConfig config, NodeParts parts) {
    return new Node(config, parts, DailyCountsSource.none());
  }

  /** A node that also answers the rounds of the broker's standing surveillance request from {@code daily}. */
  public static Node start(NodeConfig config, NodeParts parts, DailyCountsSource daily) {
    return new Node(config, parts, daily);
  }

  /**
   * Completes with the reason when the broker refused the node's key several times in a row and the
   * node stopped polling; the node should then be closed and the key replaced.
   */
  public CompletableFuture<String> refused() {
    return poller.refused();
  }

  /** The request types this node approves without a person (the rules in force). */
  public Set<RequestType> autoApproved() {
    return autoApproved;
  }

  /** Whether the last poll reached the broker. */
  public boolean connected() {
    return poller.connected();
  }

  private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();

  private void dispatch(RequestDocument d) {
    if (inFlight.putIfAbsent(d.id(), Boolean.TRUE) != null) {
      return;
    }
    workers.execute(() -> {
      long start = System.nanoTime();
      try {
        if (d.type() == RequestType.SURVEILLANCE) {
          logHandled(d, surveillance.handle(d), start);
        } else {
          handling.handle(d);
          logHandled(d, decision(d.id()), start);
        }
      } catch (RuntimeException e) {
        LOG.error("request {} failed at this site", d.id(), e);
      } finally {
        inFlight.remove(d.id());
      }
    });
  }

  /** What the site's request file says became of the request. */
  private String decision(String id) {
    return dir.find(id).map(r -> r.state().name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse("unknown");
  }

  /** One line per request handled: id, type and decision only, never a count or a query's content. */
  private static void logHandled(RequestDocument d, String decision, long startNanos) {
    REQUESTS.info("request {} type={} decision={} in {} ms", d.id(), d.type().wire(), decision,
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  private void applyDecisions() {
    try {
      for (String id : dir.decided()) {
        Optional<LocalRequest> waiting = dir.find(id).filter(r -> r.state() == LocalState.AWAITING_APPROVAL);
        if (waiting.isEmpty()) {
          continue;
        }
        LocalRequest r = waiting.get();
        dir.takeDecision(id).ifPresent(d -> workers.execute(() -> {
          long start = System.nanoTime();
          handling.decided(r, d);
          logHandled(r.request(), decision(r.request().id()), start);
        }));
      }
    } catch (RuntimeException e) {
      LOG.error("cannot apply decisions", e);
    }
  }

  @Override
  public void close() {
    poller.close();
    heads.shutdownNow();
    decisions.shutdownNow();
    handling.stop();
    surveillance.stop();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    audit.close();
  }

  /** Exact counts an earlier version kept beside its answers: the noise no longer needs them. */
  private static void removeFormerCache(NodeDirectory dir) {
    try {
      if (Files.deleteIfExists(dir.formerDisclosureCache())) {
        LOG.info("removed the disclosure cache of an earlier version (exact counts); answers now follow from noise.key");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the former disclosure cache " + dir.formerDisclosureCache(), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
