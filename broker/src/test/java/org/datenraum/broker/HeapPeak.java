package org.datenraum.broker;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples this JVM's used heap every few milliseconds; the peak above the level at the start. */
final class HeapPeak implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long baseline;
  private final Thread sampler;
  private volatile long peak;
  private volatile boolean running = true;

  HeapPeak() {
    System.gc();
    baseline = used();
    peak = baseline;
    sampler = new Thread(() -> {
      while (running) {
        peak = Math.max(peak, used());
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The peak growth so far, in MiB. */
  long growthMiB() {
    return (peak - baseline) >> 20;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
