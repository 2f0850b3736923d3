package org.datenraum.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU-seconds of this process's threads by role while a benchmark runs, from Linux's
 * {@code /proc/self/task}: also the threads the JVM and DuckDB start (JIT compilers, collector,
 * DuckDB's workers), which {@code ThreadMXBean} does not list. Threads are sampled every 200 ms
 * until {@link #stop()}, so a thread that ends between samples loses at most its last 200 ms; a
 * thread born after {@link #start()} counts from its birth.
 * Where {@code /proc} is missing, {@link #stop()} answers an empty map.
 */
final class CpuByRole {

  /** Clock ticks per second of {@code /proc}'s times: Linux's USER_HZ, 100 on every architecture it supports. */
  private static final double TICKS = 100.0;
  private static final Path TASKS = Path.of("/proc/self/task");

  private final String starter;
  private final Map<String, long[]> firstAndLast = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;
  /** Whether the first sample is taken: threads first seen later were born since, at zero CPU. */
  private boolean started;

  private CpuByRole(String starter) {
    this.starter = starter;
    sample();
    started = true;
    sampler = new Thread(this::run, "thread-cpu");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts sampling; the calling thread is reported as the {@code main} role. */
  static CpuByRole start() {
    String self;
    try {
      self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException noProc) {
      self = "";
    }
    return new CpuByRole(self);
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private synchronized void sample() {
    if (!Files.isDirectory(TASKS)) {
      return;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        read(task);
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
  }

  private void read(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      String tid = task.getFileName().toString();
      String comm = comm(task);
      if (!comm.isEmpty()) {
        names.put(tid, comm);
      }
      firstAndLast.computeIfAbsent(tid, t -> new long[] {started ? 0 : ticks, ticks})[1] = ticks;
    } catch (IOException | RuntimeException ended) {
      // the thread ended while it was read: its last sample stands
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops sampling and answers CPU-seconds by role since {@link #start()}, largest roles first. */
  synchronized Map<String, Double> stop() {
    running = false;
    sampler.interrupt();
    sample();
    Map<String, Double> byRole = new HashMap<>();
    firstAndLast.forEach((tid, t) -> byRole.merge(role(tid, names.getOrDefault(tid, "")), (t[1] - t[0]) / TICKS,
        Double::sum));
    byRole.remove("sampler");
    Map<String, Double> sorted = new LinkedHashMap<>();
    byRole.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /**
   * The role of a thread by its operating-system name (Linux keeps the first 15 characters); "other"
   * for a thread whose name was never read (it ended before).
   */
  String role(String tid, String comm) {
    if (tid.equals(starter)) {
      return "main";
    }
    if (comm.contains("CompilerThre")) {
      return "JIT compilers";
    }
    if (comm.startsWith("GC Thread") || comm.equals("VM Thread") || comm.startsWith("G1 ")) {
      return "collector and VM";
    }
    if (comm.startsWith("ForkJoinPool")) {
      return "common pool";
    }
    if (comm.equals("java")) {
      return "DuckDB's threads";
    }
    if (comm.equals("site-store-writ")) {
      return "store writer";
    }
    if (comm.equals("ndjson-reader")) {
      return "NDJSON reader";
    }
    if (comm.equals("thread-cpu")) {
      return "sampler";
    }
    return comm.isEmpty() ? "other" : comm;
  }

  /** One line: {@code role s, role s, ...} with one decimal. */
  static String describe(Map<String, Double> byRole) {
    StringBuilder s = new StringBuilder();
    byRole.forEach((role, seconds) -> {
      if (seconds >= 0.05) {
        s.append(s.length() > 0 ? ", " : "").append(role).append(' ')
            .append(String.format(java.util.Locale.ROOT, "%.1f", seconds));
      }
    });
    return s.toString();
  }
}
