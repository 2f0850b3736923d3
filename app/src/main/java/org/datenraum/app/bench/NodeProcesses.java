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
 * Site nodes in separate JVM processes: one node per process runs {@code datenraum node
 * --read-only-store}, several per process run in a {@link NodeHost}; every node has a site
 * directory of its own whose store file is a link to a loaded store, so that several nodes share
 * one store. Processes are started a few at a time (each waited for until it printed that its
 * nodes poll), and all stopped at the end; a hook stops them if this JVM ends first.
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

  /** A launched process, its nodes, its output file and when it was launched ({@link System#nanoTime}). */
  private record Launched(List<Planned> plans, Process process, Path log, long startedNanos, String ready) {}

  /** A node that printed its ready line, and the seconds from its launch to that line. */
  record Running(Planned plan, Process process, double readySeconds) {}

  private static final String READY = "polling";

  private final List<Launched> launched = new ArrayList<>();
  private final List<Running> running = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-node-processes");

  private NodeProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** How to run the nodes: heap per process, processes started at a time, nodes per process. */
  record Shape(int heapMb, int parallel, int nodesPerProcess) {
    Shape {
      if (heapMb < 64 || parallel < 1 || nodesPerProcess < 1) {
        throw new IllegalArgumentException("heap " + heapMb + " MB, parallel " + parallel + ", nodes per process "
            + nodesPerProcess + ": need at least 64 MB, 1 and 1");
      }
    }
  }

  /**
   * Starts the nodes, {@code shape.nodesPerProcess()} to a process (node {@code i} in process
   * {@code i / nodesPerProcess}), {@code shape.parallel()} processes at a time.
   *
   * @throws IllegalStateException when a process ends or is not ready within {@code timeoutSeconds}
   */
  static NodeProcesses start(Path work, URI broker, List<Planned> plans, Shape shape, long timeoutSeconds)
      throws IOException, InterruptedException {
    NodeProcesses nodes = new NodeProcesses();
    try {
      List<List<Planned>> groups = new ArrayList<>();
      for (int from = 0; from < plans.size(); from += shape.nodesPerProcess()) {
        groups.add(plans.subList(from, Math.min(plans.size(), from + shape.nodesPerProcess())));
      }
      for (int from = 0; from < groups.size(); from += shape.parallel()) {
        List<Launched> batch = new ArrayList<>();
        for (List<Planned> g : groups.subList(from, Math.min(groups.size(), from + shape.parallel()))) {
          batch.add(nodes.launch(work, broker, g, shape.heapMb()));
        }
        for (Launched r : batch) {
          nodes.running.addAll(awaitReady(r, timeoutSeconds));
        }
      }
      return nodes;
    } catch (IOException | InterruptedException | RuntimeException e) {
      nodes.close();
      throw e;
    }
  }

  private Launched launch(Path work, URI broker, List<Planned> group, int heapMb) throws IOException {
    // One JVM per node: the quick compiler only, so that dozens of JVMs do not spend the cores on
    // compiling. A process of several nodes compiles fully: its answers then take about 40 % less CPU.
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-XX:+UseSerialGC"));
    if (group.size() == 1) {
      cmd.add("-XX:TieredStopAtLevel=1");
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    if (group.size() == 1) {
      Path dir = siteDirectory(work, group.get(0));
      cmd.addAll(List.of("org.datenraum.app.Main", "node", "--site", dir.toString(), "--broker", broker.toString(),
          "--key-file", dir.resolve("site.key").toString(), "--auto-approve", "feasibility", "--read-only-store"));
    } else {
      cmd.addAll(List.of(NodeHost.class.getName(), broker.toString()));
      for (Planned p : group) {
        Path dir = siteDirectory(work, p);
        cmd.addAll(List.of(dir.toString(), dir.resolve("site.key").toString()));
      }
    }
    Path log = work.resolve(group.get(0).site() + ".log");
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    Launched l = new Launched(List.copyOf(group), process, log, System.nanoTime(),
        group.size() == 1 ? READY : NodeHost.READY);
    launched.add(l);
    return l;
  }

  /** The node's site directory: its key, and its store file a link to the planned store. */
  private static Path siteDirectory(Path work, Planned p) throws IOException {
    Path dir = work.resolve(p.site());
    OwnerOnly.createDirectories(dir);
    Files.createSymbolicLink(dir.resolve("site.duckdb"), p.store().toAbsolutePath());
    OwnerOnly.writeNew(dir.resolve("site.key"), p.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return dir;
  }

  /** Waits for the ready line; the returned entries hold the seconds it took. */
  private static List<Running> awaitReady(Launched r, long timeoutSeconds) throws IOException, InterruptedException {
    long deadline = r.startedNanos() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    String first = r.plans().get(0).site();
    while (true) {
      String text = Files.readString(r.log());
      if (text.contains(r.ready())) {
        double seconds = (System.nanoTime() - r.startedNanos()) / 1e9;
        return r.plans().stream().map(p -> new Running(p, r.process(), seconds)).toList();
      }
      if (!r.process().isAlive()) {
        throw new IllegalStateException("the process of " + first + " ended with status "
            + r.process().exitValue() + " before it was ready; its output is in `" + r.log() + "`.");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the process of " + first + " was not ready after "
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

  /**
   * Per process, the milliseconds its nodes took per request they handled, from their request log
   * lines ({@code ... in N ms}), or none where a node does not log them.
   */
  List<List<Long>> handlingMillis() throws IOException {
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("request \\S+ type=\\S+ decision=\\S+ in (\\d+) ms");
    List<List<Long>> out = new ArrayList<>();
    for (Launched r : launched) {
      List<Long> ms = new ArrayList<>();
      java.util.regex.Matcher m = line.matcher(Files.readString(r.log()));
      while (m.find()) {
        ms.add(Long.parseLong(m.group(1)));
      }
      out.add(ms);
    }
    return out;
  }

  /** The process ids of every launched process. */
  List<Long> pids() {
    return launched.stream().map(r -> r.process().pid()).toList();
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
