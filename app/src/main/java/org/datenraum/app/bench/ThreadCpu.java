package org.datenraum.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's live threads, summed by the start of their names, so that a bench can
 * tell the node's request threads from its clients. Threads that ended are not counted.
 */
final class ThreadCpu {

  private final Map<Long, Long> nanos = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();

  private ThreadCpu() {}

  /** The CPU time of every live thread now. */
  static ThreadCpu now() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ThreadCpu t = new ThreadCpu();
    for (Thread th : Thread.getAllStackTraces().keySet()) {
      long cpu = mx.getThreadCpuTime(th.getId());
      if (cpu >= 0) {
        t.nanos.put(th.getId(), cpu);
        t.names.put(th.getId(), th.getName());
      }
    }
    return t;
  }

  /** CPU nanoseconds since {@code before} of the threads whose names start with {@code prefix}. */
  long since(ThreadCpu before, String prefix) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : nanos.entrySet()) {
      if (names.get(e.getKey()).startsWith(prefix)) {
        sum += e.getValue() - before.nanos.getOrDefault(e.getKey(), 0L);
      }
    }
    return sum;
  }
}
