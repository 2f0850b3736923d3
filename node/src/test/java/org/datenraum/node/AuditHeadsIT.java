package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.datenraum.broker.Broker;
import org.datenraum.core.Problem;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.internal.FileAuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker and a node over HTTP on 127.0.0.1 hand each other their audit heads; each end's log cut
 * short afterwards (with its own head file rewritten to match) is caught by the head the other end
 * holds.
 */
class AuditHeadsIT {

  @TempDir Path tmp;
  private Network net;
  private BrokerClient site;

  @BeforeEach
  void network() throws Exception {
    net = new Network(tmp);
    net.register("a");
    site = BrokerClient.of(net.broker.localUri(), net.siteKeys.get("a"));
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    Submission q = Submission.feasibility(WireJson.mapper().readTree(TestSites.DIABETES_QUERY));
    String id = net.researcher.submit(q).orThrow().id();
    net.await(id, v -> v.sites().get(0).status() == SiteStatus.COMPLETED);
  }

  @AfterEach
  void close() {
    net.close();
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + " within 20 s");
  }

  private Optional<AuditHead> brokerHolds() {
    Reply<AuditHead> r = site.heldAuditHead();
    return r.isOk() ? Optional.of(r.value()) : Optional.empty();
  }

  /** Waits until the broker holds the node's current head, then stops the node; returns that head. */
  private AuditHead exchangedAndStopped() throws InterruptedException {
    NodeDirectory dir = net.dir("a");
    AuditHead held = await("the broker holding the node's head", () -> brokerHolds()
        .filter(h -> h.equals(AuditHeadFile.read(dir.auditHead()).orElseThrow())));
    net.stop("a");
    assertThat(AuditHeadFile.read(dir.auditHead())).contains(held);
    return held;
  }

  private static void cutTo(NodeDirectory dir, int keep) throws Exception {
    List<String> lines = Files.readAllLines(dir.auditLog()).subList(0, keep);
    Files.write(dir.auditLog(), lines);
    AuditEntry last = WireJson.read(lines.get(keep - 1), AuditEntry.class);
    AuditHeadFile.write(dir.auditHead(), last.head());
  }

  @Test
  void aNodeLogCutShortIsCaughtByTheHeadTheBrokerHoldsAndTheBrokerKeepsIt() throws Exception {
    AuditHead held = exchangedAndStopped();
    NodeDirectory dir = net.dir("a");
    int keep = (int) held.seq() - 2;
    cutTo(dir, keep);
    assertThat(FileAuditLog.verify(dir.auditLog(), dir.auditKey(), dir.auditHead(), List.of()).intact())
        .as("with its own head file rewritten, the log alone looks intact").isTrue();
    List<String> found = FileAuditLog.verify(dir.auditLog(), dir.auditKey(), dir.auditHead(),
        List.of(new AuditAnchor("the broker", brokerHolds().orElseThrow()))).problems().stream()
        .map(Problem::text).toList();
    assertThat(found).containsExactly("DR-5903 the log ends at entry " + keep + ", but the broker holds entry "
        + held.seq() + " as its head: entries " + (keep + 1) + " to " + held.seq() + " were cut off.");

    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    Thread.sleep(Node.AUDIT_HEADS_EVERY_MS + 1000);
    assertThat(brokerHolds()).as("a head behind the held one is refused").contains(held);
    assertThat(site.exchangeAuditHead(AuditHeadFile.read(dir.auditHead()).orElseThrow()).status()).isEqualTo(409);
  }

  @Test
  void aBrokerLogCutShortIsCaughtByTheHeadTheNodeHolds() throws Exception {
    NodeDirectory dir = net.dir("a");
    AuditHead brokers = await("the node holding the broker's head", () -> AuditHeadFile.read(dir.brokerAuditHead())
        .filter(h -> h.seq() > 3));
    exchangedAndStopped();
    AuditHead nodeHolds = AuditHeadFile.read(dir.brokerAuditHead()).orElseThrow();
    assertThat(nodeHolds.seq()).isGreaterThanOrEqualTo(brokers.seq());
    net.stopBroker();
    Path data = net.root.resolve("broker");
    long keep = nodeHolds.seq() - 1;
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(data))) {
      c.createStatement().execute("DELETE FROM audit WHERE seq > " + keep);
      var rs = c.createStatement().executeQuery("SELECT seq, hash FROM audit WHERE seq = " + keep);
      assertThat(rs.next()).isTrue();
      AuditHeadFile.write(data.resolve("audit-head.json"), new AuditHead(rs.getLong(1), rs.getString(2)));
    }
    assertThat(Broker.verifyAudit(data, List.of()).intact()).as("the log alone looks intact").isTrue();
    List<String> found = Broker.verifyAudit(data, List.of(new AuditAnchor("site `a`", nodeHolds))).problems()
        .stream().map(Problem::text).toList();
    assertThat(found).containsExactly("DR-5903 the log ends at entry " + keep + ", but site `a` holds entry "
        + nodeHolds.seq() + " as its head: entry " + nodeHolds.seq() + " was cut off.");

    net.startBroker();
    net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
    await("the broker holding the restarted node's head", () -> brokerHolds()
        .filter(h -> h.equals(AuditHeadFile.read(dir.auditHead()).orElseThrow())));
    Thread.sleep(Node.AUDIT_HEADS_EVERY_MS + 1000);
    assertThat(AuditHeadFile.read(dir.brokerAuditHead())).as("a broker head behind the held one is not taken")
        .contains(nodeHolds);
  }
}
