package org.datenraum.ingest.fhir.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and splits NDJSON lines on a thread of its own, a few blocks ahead of the caller, so that
 * reading (and decompressing) overlaps with mapping. Blocks come in file order; a read error
 * reaches the caller as the {@link IOException} it was. Close it to stop reading early.
 */
final class PrefetchedLines implements AutoCloseable {

  private static final int AHEAD = 2;

  /** What the reading thread hands over: lines, or the error that ended reading. */
  private record Next(List<NdjsonLines.Line> lines, Exception error) {
    Next {
      lines = List.copyOf(lines);
    }
  }

  private final BlockingQueue<Next> queue = new ArrayBlockingQueue<>(AHEAD);
  private final Thread thread;
  private boolean ended;

  PrefetchedLines(NdjsonLines lines) {
    this.thread = new Thread(() -> readAll(lines), "ndjson-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void readAll(NdjsonLines lines) {
    try {
      List<NdjsonLines.Line> next;
      do {
        next = lines.next();
        queue.put(new Next(next, null));
      } while (!next.isEmpty());
    } catch (IOException | RuntimeException e) {
      putQuietly(new Next(List.of(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void putQuietly(Next next) {
    try {
      queue.put(next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The lines of the next block; empty at the end of the stream. */
  List<NdjsonLines.Line> next() throws IOException {
    if (ended) {
      return List.of();
    }
    Next next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    }
    if (next.error() instanceof IOException e) {
      ended = true;
      throw e;
    }
    if (next.error() instanceof RuntimeException e) {
      ended = true;
      throw e;
    }
    ended = next.lines().isEmpty();
    return next.lines();
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
