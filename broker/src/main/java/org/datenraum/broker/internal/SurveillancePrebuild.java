package org.datenraum.broker.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the network's whole surveillance view (no bounds) ahead of its readers, on a thread of its
 * own: after every change of the stored cells or the standing request, and whenever asked (the
 * broker asks with each sweep, so a new day's view is built too). A change during a build queues
 * one more build; a view whose tag was handed on already is not handed on again. Thread-safe.
 */
public final class SurveillancePrebuild implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SurveillancePrebuild.class);

  private final SurveillanceLedger ledger;
  private final BiConsumer<String, byte[]> built;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "broker-surveillance-view");
    t.setDaemon(true);
    return t;
  });
  private volatile String handedOn;

  /** {@code built} receives each new view's entity tag and JSON, as {@code GET /v1/surveillance} answers them. */
  public SurveillancePrebuild(SurveillanceLedger ledger, BiConsumer<String, byte[]> built) {
    this.ledger = requireNonNull(ledger, "ledger");
    this.built = requireNonNull(built, "built");
  }

  /** Queues a build unless one is queued already. */
  public void refresh() {
    if (queued.compareAndSet(false, true)) {
      try {
        worker.execute(this::build);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        queued.set(false);
      }
    }
  }

  private void build() {
    queued.set(false);
    try {
      if (ledger.standing().isEmpty()) {
        return;
      }
      SurveillanceViews.Built view = ledger.viewJson(null, null, null);
      if (!view.tag().equals(handedOn)) {
        built.accept(view.tag(), view.json());
        handedOn = view.tag();
      }
    } catch (RuntimeException e) {
      LOG.error("cannot build the surveillance view ahead of its readers", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
