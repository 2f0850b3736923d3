package org.datenraum.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap use of this JVM during a benchmark: the peak of all heap pools (garbage included) and the
 * peak of what was still in use right after a collection (the live data), sampled every 50 ms.
 */
public final class HeapWatch implements AutoCloseable {

  /** The heap pools, listed once: listing them builds management names, dear at every sample. */
  private final java.util.List<MemoryPoolMXBean> pools = heapPools();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakLive;

  private HeapWatch() {
    for (MemoryPoolMXBean pool : pools) {
      pool.resetPeakUsage();
    }
    sampler = new Thread(this::sample, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts watching. */
  public static HeapWatch start() {
    return new HeapWatch();
  }

  private void sample() {
    while (running) {
      long live = 0;
      for (MemoryPoolMXBean pool : pools) {
        MemoryUsage after = pool.getCollectionUsage();
        live += after == null ? 0 : after.getUsed();
      }
      peakLive = Math.max(peakLive, live);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The largest heap in use right after a collection: the live data the work needed. */
  public long peakLiveBytes() {
    return peakLive;
  }

  /** The sum of the heap pools' peak usage, garbage included. */
  public long peakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : pools) {
      sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static java.util.List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
