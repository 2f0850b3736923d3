package org.datenraum.node;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.internal.Answering;
import org.datenraum.node.internal.Answering.Prepared;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.node.internal.QueryFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node does with one request: resume what the site already decided, else validate,
 * approve by rule or wait for a person, answer, and deliver. Every step is recorded in the site's
 * request file and audit log before the broker hears of it. Thread-safe.
 */
final class RequestHandling {

  private static final Logger LOG = LoggerFactory.getLogger(RequestHandling.class);

  private final NodeParts parts;
  private final NodeDirectory dir;
  private final Set<RequestType> autoApprove;
  private final Answering answering;
  private final FileAuditLog audit;
  private final Backoff backoff;
  private volatile boolean running = true;
  private final ScheduledExecutorService announcements = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "node-processing-status");
    t.setDaemon(true);
    return t;
  });

  /**
   * An answer not ready this long after its approval is announced to the broker as processing; a
   * quicker one goes to the broker as the result alone, without a status call before it.
   */
  static final long ANNOUNCE_PROCESSING_AFTER_MS = 300;

  RequestHandling(NodeParts parts, Set<RequestType> autoApprove, Answering answering, FileAuditLog audit,
      Backoff backoff) {
    this.parts = parts;
    this.dir = parts.directory();
    this.autoApprove = autoApprove;
    this.answering = answering;
    this.audit = audit;
    this.backoff = backoff;
  }

  void stop() {
    running = false;
    announcements.shutdownNow();
  }

  void handle(RequestDocument d) {
    Optional<LocalRequest> known = dir.find(d.id());
    if (known.isPresent()) {
      resume(known.get());
      return;
    }
    FileAuditLog.Line received = new FileAuditLog.Line(d.researcher(), "request.received", d.id(), "type="
        + d.type().wire() + " strata=" + d.stratify() + " query=" + QueryFingerprint.of(d));
    LocalRequest local = new LocalRequest(d, LocalState.APPROVED, parts.clock().instant(), null, null);
    Result<Prepared> plan = answering.prepare(d);
    if (plan.isOk() && autoApprove.contains(d.type())) {
      // received and approved by the rule in one forced write, before the request file says so
      audit.append(List.of(received, new FileAuditLog.Line("rule:auto-approve", "request.approved", d.id(),
          "type=" + d.type().wire())));
      dir.save(local.with(LocalState.APPROVED, parts.clock().instant(), "rule", null));
      answer(d, plan.value());
      return;
    }
    audit.append(List.of(received));
    if (!plan.isOk()) {
      fail(local, plan.problem().text());
      return;
    }
    dir.save(local.with(LocalState.AWAITING_APPROVAL, parts.clock().instant(), null, null));
    audit.append("node", "request.awaiting-approval", d.id(), "");
    deliver(() -> parts.broker().status(d.id(), new StatusUpdate(SiteStatus.INTERACTION, "waiting for approval at the site")));
  }

  private void resume(LocalRequest r) {
    RequestDocument d = r.request();
    switch (r.state()) {
      case ANSWERED -> upload(d, r.released());
      case REJECTED -> deliver(() -> parts.broker().status(d.id(), new StatusUpdate(SiteStatus.REJECTED, r.note())));
      case FAILED -> deliver(() -> parts.broker().status(d.id(), new StatusUpdate(SiteStatus.FAILED, r.note())));
      case AWAITING_APPROVAL -> deliver(() -> parts.broker().status(d.id(),
          new StatusUpdate(SiteStatus.INTERACTION, "waiting for approval at the site")));
      case APPROVED -> {
        Result<Prepared> plan = answering.prepare(d);
        if (plan.isOk()) {
          answer(d, plan.value());
        } else {
          fail(r, plan.problem().text());
        }
      }
    }
  }

  /** Applies a person's decision on a request that awaits one. */
  void decided(LocalRequest r, Decision decision) {
    RequestDocument d = r.request();
    if (decision.approve()) {
      dir.save(r.with(LocalState.APPROVED, parts.clock().instant(), "approved by " + decision.by(), null));
      audit.append("person:" + decision.by(), "request.approved", d.id(), "");
      resume(dir.find(d.id()).orElseThrow());
    } else {
      String reason = decision.reason() == null || decision.reason().isBlank() ? "rejected at the site" : decision.reason();
      dir.save(r.with(LocalState.REJECTED, parts.clock().instant(), reason, null));
      audit.append("person:" + decision.by(), "request.rejected", d.id(), reason);
      deliver(() -> parts.broker().status(d.id(), new StatusUpdate(SiteStatus.REJECTED, reason)));
    }
  }

  private void answer(RequestDocument d, Prepared plan) {
    Future<?> processing = announceProcessing(d.id());
    Result<SiteResult> answered;
    try {
      answered = parts.cohorts().during("request " + d.id(), () -> answering.answer(d, plan)).flatMap(r -> r);
    } finally {
      settle(processing);
    }
    LocalRequest r = dir.find(d.id()).orElseThrow();
    if (!answered.isOk()) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      fail(r, answered.problem().text());
      return;
    }
    SiteResult result = answered.value();
    dir.save(r.with(LocalState.ANSWERED, parts.clock().instant(), r.note(), result));
    audit.append("node", "result.released", d.id(), WireJson.write(result));
    upload(d, result);
  }

  /** Tells the broker that the request is processing, unless the answer is ready before the delay. */
  private Future<?> announceProcessing(String id) {
    try {
      return announcements.schedule(() -> deliver(() -> parts.broker().status(id,
          new StatusUpdate(SiteStatus.PROCESSING, null))), ANNOUNCE_PROCESSING_AFTER_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Cancels the announcement, or waits until it has reached the broker, so that it comes before the result. */
  private static void settle(Future<?> announcement) {
    if (announcement.cancel(false)) {
      return;
    }
    try {
      announcement.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException e) {
      LOG.warn("could not tell the broker that a request is processing: {}", e.getMessage());
    }
  }

  private void fail(LocalRequest r, String why) {
    dir.save(r.with(LocalState.FAILED, parts.clock().instant(), why, null));
    audit.append("node", "request.failed", r.request().id(), why);
    deliver(() -> parts.broker().status(r.request().id(), new StatusUpdate(SiteStatus.FAILED, why)));
  }

  private void upload(RequestDocument d, SiteResult result) {
    deliver(() -> parts.broker().upload(d.id(), result));
  }

  /** Sends until the broker answers; a refusal (e.g. an expired request) is logged, not retried. */
  private void deliver(Supplier<Reply<?>> call) {
    int failures = 0;
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        Reply<?> r = call.get();
        if (!r.isOk()) {
          LOG.warn("broker refused: {}", r.problem().text());
        }
        return;
      } catch (UncheckedIOException e) {
        failures++;
        try {
          Thread.sleep(backoff.delay(failures, java.util.concurrent.ThreadLocalRandom.current()).toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
