package org.datenraum.app.emergency;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The site store held open while documents keep arriving and closed after a pause, so that a
 * stream of posted documents does not open the store once per document and the node's own tasks
 * and commands still find it free between bursts. Thread-safe: uses are serialised.
 */
final class StoreLease implements AutoCloseable {

  private final SiteDirectory site;
  private final Duration idle;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cda-store-lease");
    t.setDaemon(true);
    return t;
  });
  private DuckDbSiteStore store;
  private ScheduledFuture<?> closing;

  StoreLease(SiteDirectory site, Duration idle) {
    this.site = site;
    this.idle = idle;
  }

  /** Runs {@code use} with the open store (opening it, waiting as commands do, if needed). */
  synchronized <T> T with(Function<DuckDbSiteStore, T> use) {
    if (closing != null) {
      closing.cancel(false);
    }
    if (store == null) {
      store = site.create().openStore(Clock.systemUTC(), new PrintWriter(new StringWriter()));
    }
    try {
      return use.apply(store);
    } finally {
      closing = timer.schedule(this::release, idle.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void release() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Override
  public synchronized void close() {
    release();
    timer.shutdownNow();
  }
}
