package org.datenraum.app.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.datenraum.core.WriteBatch;

/**
 * Hands write batches to one background thread, so that mapping the next batch overlaps with
 * writing this one. At most {@code waiting} batches wait (two by default); when the writer finds
 * several waiting, it writes them as one batch ({@link WriteBatch#merge}) in one transaction, so
 * that work a write pays once whatever its size (a scan for the resources it replaces) is paid
 * once for all of them; a crash still leaves whole batches only. The first write waits for
 * {@code waiting} batches (or the end of the load). A write failure is rethrown to
 * the caller on the next call. Thread-safe for one producer.
 */
public final class AsyncBatchWriter implements Consumer<WriteBatch>, AutoCloseable {

  private static final WriteBatch END = new WriteBatch(
      java.util.List.of(), java.util.List.of(), java.util.Map.of(), java.util.List.of());

  /**
   * Batches a load into a store that holds resources lets wait and writes together at most: ten
   * of 10,000 resources, so that a day's changes (about 100,000 resources) are written in one
   * transaction. A first load into an empty store, whose writes never scan for stored resources,
   * gains nothing from merging and keeps the default two (each waiting batch costs heap).
   */
  public static final int LOAD_WAITING = 10;

  /** Batches that wait for a first load into an empty store. */
  public static final int FIRST_LOAD_WAITING = 2;

  /** The batches to let wait for a load into {@code store}. */
  public static int waitingFor(org.datenraum.store.duckdb.DuckDbSiteStore store) {
    return store.holdsNoResources() ? FIRST_LOAD_WAITING : LOAD_WAITING;
  }

  private final BlockingQueue<WriteBatch> queue;
  private final Thread thread;
  private volatile RuntimeException failure;
  private final int waiting;
  private WriteBatch held;
  private boolean written;

  public AsyncBatchWriter(Consumer<WriteBatch> target) {
    this(target, FIRST_LOAD_WAITING);
  }

  /** A writer with at most {@code waiting} batches waiting (at least one). */
  public AsyncBatchWriter(Consumer<WriteBatch> target, int waiting) {
    if (waiting < 1) {
      throw new IllegalArgumentException("at least one batch must be able to wait, got " + waiting);
    }
    this.waiting = waiting;
    this.queue = new ArrayBlockingQueue<>(waiting);
    this.thread = new Thread(() -> drain(target), "site-store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void drain(Consumer<WriteBatch> target) {
    try {
      while (true) {
        List<WriteBatch> group = next();
        if (group.isEmpty()) {
          return;
        }
        if (failure == null) {
          target.accept(WriteBatch.merge(group));
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      queue.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The next batches to write together, at most {@code waiting}: the first one waiting (blocking
   * for it) and those after it that may be merged with it; empty at the end. The first write of a
   * load waits until {@code waiting} batches are there (or the load ends, or a batch deletes): it
   * is a store's dearest (its pages are cold) and, while the key index is not read, pays the scans
   * for all of them once.
   */
  private List<WriteBatch> next() throws InterruptedException {
    WriteBatch first = held != null ? held : queue.take();
    held = null;
    List<WriteBatch> group = new ArrayList<>();
    if (first == END) {
      return group;
    }
    group.add(first);
    boolean filling = !written;
    written = true;
    for (WriteBatch b = poll(filling, group.size()); b != null; b = poll(filling, group.size())) {
      if (b == END || !group.get(group.size() - 1).canMergeWith(b)) {
        held = b;
        break;
      }
      group.add(b);
    }
    return group;
  }

  /** The next batch for a group of {@code grouped}: none once it holds {@code waiting}. */
  private WriteBatch poll(boolean filling, int grouped) throws InterruptedException {
    return grouped >= waiting ? null : filling ? queue.take() : queue.poll();
  }

  @Override
  public void accept(WriteBatch batch) {
    rethrow();
    put(batch);
  }

  /** Waits until every batch is written; rethrows a write failure. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      put(END);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rethrow();
  }

  private void put(WriteBatch b) {
    try {
      while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
        if (!thread.isAlive()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing a batch to the writer", e);
    }
  }

  private void rethrow() {
    if (failure != null) {
      throw failure;
    }
  }
}
