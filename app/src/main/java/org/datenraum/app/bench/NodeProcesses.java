package org.datenraum.app.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datenraum.files.OwnerOnly;

/**
 * Site nodes as separate JVM processes: each runs {@code datenraum node --read-only-store} on a
 * site directory of its own whose store file is a link to a loaded store, so that several nodes
 * share one store. Started a few at a time (each waits until its node printed that it polls),
 * stopped all at the end; a hook stops them if this JVM ends first.
 */
final class NodeProcesses implements AutoCloseable {

  /** One node to start: its site name, its broker key and the store it reads. */
  record Planned(String site, String key, Path store) {
    Planned {
      requireNonNull(site, "site");
      requireNonNull(key, "key");
      requireNonNull(store, "store");
    }
  }

  /** A launched node process, its output file and when it was launched ({@link System#nanoTime}). */
  private record Launched(Planned plan, Process process, Path log, long startedNanos) {}

  /** A node that printed its ready line, and the seconds from its launch to that line. */
  record Running(Planned plan, Process process, double readySeconds) {}

  private static final String READY = "polling";

  private final List<Launched> launched = new ArrayList<>();
  private final List<Running> running = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-node-processes");

  private NodeProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts the nodes, {@code parallel} at a time, each with {@code heapMb} of heap.
   *
   * @throws IllegalStateException when a node ends or is not ready within {@code timeoutSeconds}
   */
  static NodeProcesses start(Path work, URI broker, List<Planned> plans, int heapMb, int parallel,
      long timeoutSeconds) throws IOException, InterruptedException {
    NodeProcesses nodes = new NodeProcesses();
    try {
      for (int from = 0; from < plans.size(); from += parallel) {
        List<Launched> batch = new ArrayList<>();
        for (Planned p : plans.subList(from, Math.min(plans.size(), from + parallel))) {
          batch.add(nodes.launch(work.resolve(p.site()), broker, p, heapMb));
        }
        for (Launched r : batch) {
          nodes.running.add(awaitReady(r, timeoutSeconds));
        }
      }
      return nodes;
    } catch (IOException | InterruptedException | RuntimeException e) {
      nodes.close();
      throw e;
    }
  }

  private Launched launch(Path dir, URI broker, Planned p, int heapMb) throws IOException {
    OwnerOnly.createDirectories(dir);
    Files.createSymbolicLink(dir.resolve("site.duckdb"), p.store().toAbsolutePath());
    Path key = dir.resolve("site.key");
    OwnerOnly.writeNew(key, p.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path log = dir.resolve("node.log");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), "org.datenraum.app.Main", "node", "--site", dir.toString(),
        "--broker", broker.toString(), "--key-file", key.toString(), "--auto-approve", "feasibility",
        "--read-only-store");
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    Launched l = new Launched(p, process, log, System.nanoTime());
    launched.add(l);
    return l;
  }

  /** Waits for the ready line; the returned entry holds the seconds it took. */
  private static Running awaitReady(Launched r, long timeoutSeconds) throws IOException, InterruptedException {
    long deadline = r.startedNanos() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      String text = Files.readString(r.log());
      if (text.contains(READY)) {
        return new Running(r.plan(), r.process(), (System.nanoTime() - r.startedNanos()) / 1e9);
      }
      if (!r.process().isAlive()) {
        throw new IllegalStateException("the node of " + r.plan().site() + " ended with status "
            + r.process().exitValue() + " before it was ready; its output is in `" + r.log() + "`.");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the node of " + r.plan().site() + " was not ready after "
            + timeoutSeconds + " s; its output is in `" + r.log() + "`.");
      }
      Thread.sleep(50);
    }
  }

  /** The nodes started, in order. */
  List<Running> running() {
    return List.copyOf(running);
  }

  /** The resident memory of a node's process in bytes (Linux), or -1 where unknown. */
  static long residentBytes(Process p) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Whether any node process still runs. */
  boolean anyAlive() {
    return launched.stream().anyMatch(r -> r.process().isAlive());
  }

  private void stopAll() {
    launched.forEach(r -> r.process().destroy());
    for (Launched r : launched) {
      try {
        if (!r.process().waitFor(30, TimeUnit.SECONDS)) {
          r.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        r.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops every node (SIGTERM, then after 30 s SIGKILL) and waits for them to end. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran already
    }
  }
}
