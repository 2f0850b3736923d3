package org.datenraum.app.site;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.datenraum.core.WriteBatch;

/**
 * Hands write batches to one background thread, so that mapping the next batch overlaps with
 * writing this one. At most two batches wait; a write failure is rethrown to the caller on the
 * next call. Thread-safe for one producer.
 */
public final class AsyncBatchWriter implements Consumer<WriteBatch>, AutoCloseable {

  private static final WriteBatch END = new WriteBatch(
      java.util.List.of(), java.util.List.of(), java.util.Map.of(), java.util.List.of());

  private final BlockingQueue<WriteBatch> queue = new ArrayBlockingQueue<>(2);
  private final Thread thread;
  private volatile RuntimeException failure;

  public AsyncBatchWriter(Consumer<WriteBatch> target) {
    this.thread = new Thread(() -> drain(target), "site-store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void drain(Consumer<WriteBatch> target) {
    try {
      while (true) {
        WriteBatch b = queue.take();
        if (b == END) {
          return;
        }
        if (failure == null) {
          target.accept(b);
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      queue.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
