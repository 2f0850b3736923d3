package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.datenraum.core.WriteBatch;

/**
 * Times each write into the store (on the writer thread; a write may hold several batches that
 * waited, merged) and prints, for every window of writes, the mean and the largest time and the
 * resources written so far:
 * whether a batch's cost grows with the store shows as a rising mean from window to window.
 */
final class BatchTimes implements Consumer<WriteBatch> {

  private final int window;

  private final Consumer<WriteBatch> target;
  private final PrintWriter out;
  private final List<Double> means = new ArrayList<>();
  private long batches;
  private long resources;
  private long windowNanos;
  private long windowMax;

  BatchTimes(Consumer<WriteBatch> target, PrintWriter out, int window) {
    this.target = target;
    this.out = out;
    this.window = window;
  }

  @Override
  public void accept(WriteBatch batch) {
    long t = System.nanoTime();
    target.accept(batch);
    long took = System.nanoTime() - t;
    batches++;
    resources += batch.upserts().size();
    windowNanos += took;
    windowMax = Math.max(windowMax, took);
    if (batches % window == 0) {
      double mean = windowNanos / 1e6 / window;
      means.add(mean);
      out.printf("ingest: writes %,d-%,d (%,d resources stored): %.0f ms mean, %.0f ms max%n",
          batches - window + 1, batches, resources, mean, windowMax / 1e6);
      out.flush();
      windowNanos = 0;
      windowMax = 0;
    }
  }

  /** The first and the last window's mean write time, or an empty string below two windows. */
  String summary() {
    if (means.size() < 2) {
      return "";
    }
    return String.format("first %.0f ms, last %.0f ms per write (means of %d writes)",
        means.get(0), means.get(means.size() - 1), window);
  }
}
