package org.datenraum.app.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.datenraum.app.federation.HeldNodes;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestType;

/**
 * The process {@link NodeProcesses} starts to run several auto-approving feasibility nodes in one
 * JVM: arguments are the broker's address, then a site directory and its key file per node. Prints
 * each node's start line and, once every node polls, {@value #READY}, then one line per request
 * handled (id, type, decision, milliseconds); stops them all at SIGTERM.
 * Exits 2 when a node cannot start.
 */
public final class NodeHost {

  /** The line that tells the launching process that every node of this one polls. */
  static final String READY = "all nodes polling";

  private NodeHost() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3 || args.length % 2 != 1) {
      System.err.println("usage: NodeHost BROKER_URL SITE_DIR KEY_FILE [SITE_DIR KEY_FILE ...]");
      System.exit(2);
    }
    if (org.slf4j.LoggerFactory.getLogger(org.datenraum.node.Node.REQUEST_LOG)
        instanceof ch.qos.logback.classic.Logger l && l.getLevel() == null) {
      l.setLevel(ch.qos.logback.classic.Level.INFO);
    }
    HeldNodes nodes = HeldNodes.of(URI.create(args[0]), Set.of(RequestType.FEASIBILITY));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      nodes.close();
      stopped.countDown();
    }, "stop-nodes"));
    for (int i = 1; i < args.length; i += 2) {
      Result<String> started = nodes.start(Path.of(args[i]), Path.of(args[i + 1]));
      if (!started.isOk()) {
        System.err.println("node of " + args[i] + ": " + started.problem().text());
        System.exit(2);
      }
      System.out.println("Node for " + args[i] + " started; " + started.value());
    }
    System.out.println(READY + ": " + (args.length / 2));
    System.out.flush();
    stopped.await();
  }
}
