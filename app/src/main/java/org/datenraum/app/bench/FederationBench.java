package org.datenraum.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.Cohorts;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.privacy.QuotaPolicy;
import org.datenraum.query.mapping.Mappings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench federation}: a broker and many auto-approving site nodes on loopback,
 * either in this JVM, each with a tiny in-memory site, or with {@code --stores} each a JVM process
 * of its own reading a loaded store ({@link ProcessFederation}). Prints p50/p95/max time from
 * submission to the merged result of every site, and in this JVM completed requests per second
 * with several researchers at once, with processes each site's answer time.
 */
@Command(name = "federation", mixinStandardHelpOptions = true,
    description = "Times submit -> merged result across N loopback nodes, and broker throughput.")
public final class FederationBench implements Callable<Integer> {

  @Option(names = "--nodes", defaultValue = "37", description = "Site nodes started (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--patients", defaultValue = "200", description = "Patients per site (default: ${DEFAULT-VALUE}).")
  int patients;

  @Option(names = "--requests", defaultValue = "60", description = "Sequential timed requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--concurrency", defaultValue = "8", description = "Researchers submitting at once for throughput (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--throughput-requests", defaultValue = "120",
      description = "Requests submitted for the throughput figure (default: ${DEFAULT-VALUE}).")
  int throughputRequests;

  @Option(names = "--stores", split = ",", paramLabel = "SITE",
      description = "Loaded site directories: run every node as a JVM process of its own, node i on store i mod k"
          + " of the k given (opened read-only, shared), instead of in-memory sites in this JVM.")
  List<Path> stores;

  @Option(names = "--node-heap-mb", defaultValue = "384",
      description = "Heap per node with --stores; a process gets this times its nodes (default: ${DEFAULT-VALUE}).")
  int nodeHeapMb;

  @Option(names = "--nodes-per-process", defaultValue = "6",
      description = "Nodes run by one JVM process with --stores; 1 runs each as `datenraum node --read-only-store`"
          + " (default: ${DEFAULT-VALUE}).")
  int nodesPerProcess;

  @Option(names = "--start-parallel", defaultValue = "4",
      description = "Node processes started at a time with --stores (default: ${DEFAULT-VALUE}).")
  int startParallel;

  @Override
  public Integer call() throws Exception {
    Submission diabetes = Submission.feasibility(WireJson.mapper().readTree(SyntheticSite.DIABETES_QUERY));
    if (stores != null && !stores.isEmpty()) {
      for (Path s : stores) {
        if (!new org.datenraum.app.site.SiteDirectory(s).exists()) {
          System.err.println(org.datenraum.app.site.SiteDirectory.noStore("bench federation", s));
          return 2;
        }
      }
      if (nodes < 1 || requests < 1 || nodeHeapMb < 64 || startParallel < 1 || nodesPerProcess < 1) {
        System.err.println("datenraum bench federation: DR-7652 --nodes `" + nodes + "`, --requests `" + requests
            + "`, --start-parallel `" + startParallel + "`, --nodes-per-process `" + nodesPerProcess + "` must be at"
            + " least 1 and --node-heap-mb `" + nodeHeapMb + "` at least 64: give larger values.");
        return 2;
      }
      java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
      int perProcess = Math.min(nodesPerProcess, nodes);
      Path work = Files.createTempDirectory("datenraum-federation-bench");
      try {
        return new ProcessFederation(out, new ProcessFederation.Setup(work, stores, nodes, requests,
            new NodeProcesses.Shape(nodeHeapMb * perProcess, startParallel, perProcess))).run(diabetes).status();
      } finally {
        deleteTree(work);
      }
    }
    Path tmp = Files.createTempDirectory("datenraum-federation-bench");
    Broker broker = Broker.start(BrokerConfig.of(tmp.resolve("broker"), 0).withHost("127.0.0.1")
        .withQuota(new QuotaPolicy(1_000_000, 1_000_000)));
    List<Node> running = new ArrayList<>();
    try {
      BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(tmp.resolve("broker/operator.key")));
      for (int i = 0; i < nodes; i++) {
        String key = op.addSite("site-" + i).orThrow().key();
        running.add(Node.start(NodeConfig.defaults().withAutoApprove(Set.of(RequestType.FEASIBILITY)),
            new NodeParts(Cohorts.reference(SyntheticSite.of(i, patients)), Mappings.builtIn(),
                BrokerClient.of(broker.localUri(), key), new NodeDirectory(tmp.resolve("sites/" + i)),
                Clock.systemUTC(), new SplittableRandom(i))));
      }
      List<BrokerClient> researchers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        researchers.add(BrokerClient.of(broker.localUri(), op.addResearcher("r" + i).orThrow().key()));
      }
      Submission q = diabetes;
      for (int i = 0; i < 5; i++) {
        roundTrip(researchers.get(0), q);
      }
      long[] ms = new long[requests];
      for (int i = 0; i < requests; i++) {
        ms[i] = roundTrip(researchers.get(0), q);
      }
      Arrays.sort(ms);
      System.out.printf("federation: %d nodes x %d patients, %d sequential requests, auto-approval%n", nodes, patients, requests);
      System.out.printf("  submit -> merged result: p50 %d ms, p95 %d ms, max %d ms%n",
          ms[requests / 2], ms[(int) Math.ceil(requests * 0.95) - 1], ms[requests - 1]);
      throughput(researchers, q);
    } finally {
      running.forEach(Node::close);
      broker.close();
    }
    return 0;
  }

  private void throughput(List<BrokerClient> researchers, Submission q) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long t0 = System.nanoTime();
      List<Future<Long>> done = new ArrayList<>();
      for (int i = 0; i < throughputRequests; i++) {
        BrokerClient r = researchers.get(i % researchers.size());
        done.add(pool.submit(() -> roundTrip(r, q)));
      }
      for (Future<Long> f : done) {
        f.get();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("  throughput: %d requests (each to %d sites) by %d researchers at once in %.1f s:"
          + " %.1f requests/s, %.0f site answers/s%n", throughputRequests, nodes, concurrency, s,
          throughputRequests / s, throughputRequests * (double) nodes / s);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long roundTrip(BrokerClient researcher, Submission q) {
    long t0 = System.nanoTime();
    RequestView v = researcher.submit(q).orThrow();
    while (!v.done()) {
      v = researcher.request(v.id(), Duration.ofSeconds(30)).orThrow();
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Deletes the bench's own working files (keys, the broker's database, the nodes' directories). */
  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
