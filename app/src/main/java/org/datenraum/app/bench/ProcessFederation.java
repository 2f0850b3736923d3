package org.datenraum.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Submission;
import org.datenraum.privacy.QuotaPolicy;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.store.duckdb.feasibility.IndexStats;

/**
 * The federation benchmark on loaded site stores: a broker in this JVM and the nodes in JVM
 * processes ({@link NodeProcesses}), one or several to a process, node {@code i} reading store
 * {@code i mod k} of the {@code k} given (read-only, shared). Times submission to the merged answer
 * of all sites and each site's answer (the broker's time of its result minus the request's
 * creation).
 */
final class ProcessFederation {

  /** What to run, with {@code work} an empty directory for the broker's and the nodes' files. */
  record Setup(Path work, List<Path> stores, int nodes, int requests, NodeProcesses.Shape shape) {}

  /**
   * How a run ended: its exit status (0 when every process ended and the broker's port is free),
   * the first request's merged answer, the processes' ids and the broker's port.
   */
  record Outcome(int status, RequestView first, List<Long> pids, int brokerPort) {}

  /** A loaded store and its size. */
  private record Store(Path file, long patients) {}

  private final PrintWriter out;
  private final Setup setup;

  ProcessFederation(PrintWriter out, Setup setup) {
    this.out = out;
    this.setup = setup;
  }

  Outcome run(Submission query) throws IOException, InterruptedException {
    out.printf("load average %.2f before; %d cores%n", load(), Runtime.getRuntime().availableProcessors());
    List<Store> stores = new ArrayList<>();
    for (Path dir : setup.stores()) {
      stores.add(prepare(dir));
    }
    Path tmp = Files.createDirectories(setup.work());
    Broker broker = Broker.start(BrokerConfig.of(tmp.resolve("broker"), 0).withHost("127.0.0.1")
        .withQuota(new QuotaPolicy(1_000_000, 1_000_000)));
    int port = broker.localUri().getPort();
    NodeProcesses nodes = null;
    Timed first = null;
    try {
      BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(tmp.resolve("broker/operator.key")));
      List<NodeProcesses.Planned> plans = new ArrayList<>();
      Map<String, Store> storeOf = new LinkedHashMap<>();
      for (int i = 0; i < setup.nodes(); i++) {
        String site = String.format("site-%02d", i);
        Store s = stores.get(i % stores.size());
        plans.add(new NodeProcesses.Planned(site, op.addSite(site).orThrow().key(), s.file()));
        storeOf.put(site, s);
      }
      long t0 = System.nanoTime();
      nodes = NodeProcesses.start(tmp.resolve("nodes"), broker.localUri(), plans, setup.shape(), 900);
      out.printf("%d nodes in %d processes started and ready in %.1f s (%d processes at a time, %d nodes each)%n",
          setup.nodes(), nodes.pids().size(), (System.nanoTime() - t0) / 1e9, setup.shape().parallel(),
          setup.shape().nodesPerProcess());
      readiness(nodes.running(), storeOf);
      BrokerClient researcher = BrokerClient.of(broker.localUri(), op.addResearcher("bench").orThrow().key());
      first = Timed.of(researcher, query);
      out.printf("first request after the nodes started: %d ms to the merged answer (total %s)%n", first.ms(),
          first.view().result().total());
      for (int i = 0; i < 4; i++) {
        Timed.of(researcher, query);
      }
      List<Integer> before = nodes.handlingMillis().stream().map(List::size).toList();
      double nodesCpu = cpuSeconds(nodes.pids());
      double ownCpu = cpuSeconds(List.of(ProcessHandle.current().pid()));
      measure(researcher, query, storeOf);
      double nodesMs = (cpuSeconds(nodes.pids()) - nodesCpu) * 1000 / setup.requests();
      double ownMs = (cpuSeconds(List.of(ProcessHandle.current().pid())) - ownCpu) * 1000 / setup.requests();
      out.printf("CPU per timed request: node processes %.0f ms (%.1f ms per site answer), this process (broker and"
          + " researcher) %.0f ms%n", nodesMs, nodesMs / setup.nodes(), ownMs);
      Thread.sleep(200);
      handling(nodes.handlingMillis(), before);
      memory(nodes.running(), storeOf);
    } finally {
      if (nodes != null) {
        nodes.close();
      }
      broker.close();
    }
    boolean clean = (nodes == null || !nodes.anyAlive()) && portFree(port);
    out.printf("stopped: %s node processes left, broker port %d %s; load average %.2f after%n",
        nodes != null && nodes.anyAlive() ? "some" : "no", port, portFree(port) ? "free" : "STILL IN USE", load());
    return new Outcome(clean ? 0 : 1, first == null ? null : first.view(), nodes == null ? List.of() : nodes.pids(),
        port);
  }

  /** The CPU time the processes have used so far (user and system), as far as the system tells. */
  private static double cpuSeconds(List<Long> pids) {
    return pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
        .map(h -> h.info().totalCpuDuration()).flatMap(java.util.Optional::stream)
        .mapToDouble(d -> d.toNanos() / 1e9).sum();
  }

  /**
   * Opens the store read-only (the stores are shared, and may be shared with other readers): its
   * size, and whether its saved index is current, so that the nodes load it rather than build it.
   */
  private Store prepare(Path dir) {
    Path file = new SiteDirectory(dir).storeFile();
    try (DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(file, Clock.systemUTC(), SiteDirectory.storeSettings())) {
      SiteStats stats = store.stats();
      long t0 = System.nanoTime();
      IndexStats index = DuckDbFeasibilityExecutor.of(store).refresh();
      out.printf("store %s: %,d patients, %,d facts; index %s in %.1f s%s%n", dir, stats.patients(), stats.facts(),
          index.rebuilt() ? "built" : index.updated() ? "updated" : "loaded", (System.nanoTime() - t0) / 1e9,
          index.rebuilt() || index.updated() ? " (not saved: every node will do the same; run `datenraum bench query"
              + " --site " + dir + "` once to save it)" : "");
      return new Store(file, stats.patients());
    }
  }

  private void readiness(List<NodeProcesses.Running> running, Map<String, Store> storeOf) {
    Map<Long, List<Double>> bySize = new java.util.TreeMap<>();
    for (NodeProcesses.Running r : running) {
      bySize.computeIfAbsent(storeOf.get(r.plan().site()).patients(), k -> new ArrayList<>()).add(r.readySeconds());
    }
    bySize.forEach((patients, s) -> {
      double[] v = s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.printf("  node start to ready (JVM, store opened read-only, index loaded), %,d patients, %d nodes:"
          + " median %.1f s, max %.1f s%n", patients, v.length, Stats.percentile(v, 0.5), v[v.length - 1]);
    });
  }

  private void measure(BrokerClient researcher, Submission query, Map<String, Store> storeOf) {
    double[] ms = new double[setup.requests()];
    Map<String, List<Double>> perSite = new LinkedHashMap<>();
    int incomplete = 0;
    for (int i = 0; i < setup.requests(); i++) {
      Timed t = Timed.of(researcher, query);
      ms[i] = t.ms();
      for (SiteState s : t.view().sites()) {
        if (s.status() != SiteStatus.COMPLETED) {
          incomplete++;
        }
        perSite.computeIfAbsent(s.site(), k -> new ArrayList<>())
            .add(Duration.between(t.view().created(), s.updated()).toNanos() / 1e6);
      }
    }
    java.util.Arrays.sort(ms);
    out.printf("submit -> merged answer of %d sites, %d sequential requests: p50 %.0f ms, p95 %.0f ms, max %.0f ms"
        + " (%d site answers not completed)%n", setup.nodes(), setup.requests(), Stats.percentile(ms, 0.5),
        Stats.percentile(ms, 0.95), ms[ms.length - 1], incomplete);
    Map<Long, List<Double>> medians = new java.util.TreeMap<>();
    List<Double> all = new ArrayList<>();
    perSite.forEach((site, v) -> {
      double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      medians.computeIfAbsent(storeOf.get(site).patients(), k -> new ArrayList<>()).add(Stats.percentile(a, 0.5));
      all.add(Stats.percentile(a, 0.5));
    });
    double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    out.printf("per-site answer time (broker: result stored - request created), median per site: fastest site %.0f ms,"
        + " median site %.0f ms, slowest site %.0f ms%n", a[0], Stats.percentile(a, 0.5), a[a.length - 1]);
    medians.forEach((patients, v) -> {
      double[] m = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.printf("  sites of %,d patients (%d): medians %.0f..%.0f ms%n", patients, m.length, m[0], m[m.length - 1]);
    });
  }

  /** The nodes' own time per timed request: each process's log lines after the {@code skip} it had before. */
  private void handling(List<List<Long>> ms, List<Integer> skip) {
    double[] v = java.util.stream.IntStream.range(0, ms.size())
        .mapToObj(i -> ms.get(i).subList(Math.min(skip.get(i), ms.get(i).size()), ms.get(i).size()))
        .flatMap(List::stream).mapToDouble(Long::doubleValue).sorted().toArray();
    if (v.length > 0) {
      out.printf("node's own time per request (received to answered, its log), %d answers: p50 %.0f ms, p95 %.0f ms,"
          + " max %.0f ms%n", v.length, Stats.percentile(v, 0.5), Stats.percentile(v, 0.95), v[v.length - 1]);
    }
  }

  private void memory(List<NodeProcesses.Running> running, Map<String, Store> storeOf) {
    Map<Long, List<Long>> bySize = new java.util.TreeMap<>();
    long total = 0;
    java.util.Set<Long> counted = new java.util.HashSet<>();
    for (NodeProcesses.Running r : running) {
      if (!counted.add(r.process().pid())) {
        continue;
      }
      long rss = NodeProcesses.residentBytes(r.process());
      total += Math.max(0, rss);
      bySize.computeIfAbsent(storeOf.get(r.plan().site()).patients(), k -> new ArrayList<>()).add(rss);
    }
    out.printf("node processes' resident memory: %,d MiB in all (heap limit %d MiB each)%n", total >> 20,
        setup.shape().heapMb());
    bySize.forEach((patients, v) -> out.printf("  processes whose first site has %,d patients: %,d..%,d MiB%n", patients,
        v.stream().mapToLong(Long::longValue).min().orElse(-1) >> 20,
        v.stream().mapToLong(Long::longValue).max().orElse(-1) >> 20));
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** One request from submission to the merged answer of every site. */
  record Timed(long ms, RequestView view) {
    static Timed of(BrokerClient researcher, Submission q) {
      long t0 = System.nanoTime();
      RequestView v = researcher.submit(q).orThrow();
      while (!v.done()) {
        v = researcher.request(v.id(), Duration.ofSeconds(30)).orThrow();
      }
      return new Timed((System.nanoTime() - t0) / 1_000_000, v);
    }
  }
}
