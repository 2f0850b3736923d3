package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's keyed audit log attacked the way someone with write access to {@code broker.db} but
 * without {@code audit.key} would: entries edited and re-hashed, entries appended with a recomputed
 * hash, the tail cut off; and the head exchange with sites over HTTP.
 */
class BrokerAuditIT {

  @TempDir Path dir;
  private Broker broker;
  private BrokerClient site;

  @BeforeEach
  void someHistory() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    for (int i = 0; i < 3; i++) {
      alice.submit(TestQueries.FEASIBILITY).orThrow();
    }
  }

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private void stopBroker() {
    broker.close();
    broker = null;
  }

  private List<String> found(List<AuditAnchor> anchors) {
    return Broker.verifyAudit(dir, anchors).problems().stream().map(Problem::text).toList();
  }

  private Connection db() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(dir));
  }

  /** SHA-256 over the fields as the unkeyed chain sealed them: what anyone can recompute. */
  private static String rehash(ResultSet r, String previous, String detail) throws Exception {
    String canonical = String.join("\u001f", Long.toString(r.getLong("seq")), r.getString("at_time"),
        r.getString("actor"), r.getString("action"), r.getString("request"), detail, previous);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static int count(Connection c) throws Exception {
    try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void theKeyIsItsOwnOwnerOnlyFileAndTheLogStartsKeyed() throws Exception {
    Path key = dir.resolve("audit.key");
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String secret = Files.readString(key).strip();
    assertThat(secret).matches("[0-9a-f]{64}");
    stopBroker();
    assertThat(found(List.of())).isEmpty();
    try (Connection c = db(); ResultSet r = c.createStatement().executeQuery("SELECT * FROM audit ORDER BY seq")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("action")).isEqualTo("audit.keyed");
      do {
        assertThat(r.getString("detail")).doesNotContain(secret);
      } while (r.next());
    }
  }

  @Test
  void anEditFollowedByRehashingIsDetectedWithTheEntryNumber() throws Exception {
    stopBroker();
    int n;
    try (Connection c = db()) {
      String previous = null;
      n = count(c);
      for (int seq = 3; seq <= n; seq++) {
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM audit WHERE seq = ?")) {
          q.setInt(1, seq);
          ResultSet r = q.executeQuery();
          r.next();
          String prev = previous == null ? r.getString("previous") : previous;
          String detail = seq == 3 ? "name=mallory role=researcher" : r.getString("detail");
          previous = rehash(r, prev, detail);
          try (PreparedStatement u = c.prepareStatement(
              "UPDATE audit SET detail = ?, previous = ?, hash = ? WHERE seq = ?")) {
            u.setString(1, detail);
            u.setString(2, prev);
            u.setString(3, previous);
            u.setInt(4, seq);
            u.executeUpdate();
          }
        }
      }
    }
    List<String> found = found(List.of());
    assertThat(found).first().isEqualTo("DR-5901 entry 3 was altered or added without the audit key:"
        + " its MAC does not match its content.");
    assertThat(found).last().asString().startsWith("DR-5904 entry " + n + " is not the entry the broker's head file");
  }

  @Test
  void anEntryAppendedWithARecomputedHashIsDetected() throws Exception {
    stopBroker();
    int appended;
    try (Connection c = db()) {
      appended = count(c) + 1;
      try (ResultSet last = c.createStatement().executeQuery("SELECT * FROM audit ORDER BY seq DESC LIMIT 1");
          PreparedStatement i = c.prepareStatement("INSERT INTO audit VALUES (?, ?, 'mallory', 'principal.added', '',"
              + " 'name=mallory role=admin', ?, ?)")) {
        last.next();
        String previous = last.getString("hash");
        String canonical = String.join("\u001f", Integer.toString(appended), last.getString("at_time"), "mallory",
            "principal.added", "", "name=mallory role=admin", previous);
        i.setInt(1, appended);
        i.setString(2, last.getString("at_time"));
        i.setString(3, previous);
        i.setString(4, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonical.getBytes(StandardCharsets.UTF_8))));
        i.executeUpdate();
      }
    }
    assertThat(found(List.of())).containsExactly("DR-5901 entry " + appended + " was altered or added without the"
        + " audit key: its MAC does not match its content.");
  }

  @Test
  void aTruncatedTailIsDetectedByTheHeadFileAndByTheHeadASiteHolds() throws Exception {
    AuditHead held = site.exchangeAuditHead(new AuditHead(1, "a".repeat(64))).orThrow();
    stopBroker();
    AuditHead head = AuditHeadFile.read(dir.resolve("audit-head.json")).orElseThrow();
    assertThat(head).isEqualTo(held);
    try (Connection c = db()) {
      c.createStatement().execute("DELETE FROM audit WHERE seq > " + (head.seq() - 2));
    }
    assertThat(found(List.of())).containsExactly("DR-5903 the log ends at entry " + (head.seq() - 2) + ", but the"
        + " broker's head file `audit-head.json` holds entry " + head.seq() + " as its head: entries "
        + (head.seq() - 1) + " to " + head.seq() + " were cut off.");

    Files.delete(dir.resolve("audit-head.json"));
    assertThat(found(List.of())).as("the chain alone cannot see a cut tail").isEmpty();
    assertThat(found(List.of(new AuditAnchor("site `a`", held)))).singleElement().asString()
        .startsWith("DR-5903 the log ends at entry " + (head.seq() - 2) + ", but site `a` holds entry " + head.seq());
  }

  @Test
  void aKeyedLogWithoutItsKeyDoesNotStart() throws Exception {
    stopBroker();
    Files.delete(dir.resolve("audit.key"));
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1")))
        .hasMessageContaining("DR-5905").hasMessageContaining("audit.key");
    assertThat(found(List.of())).singleElement().asString().startsWith("DR-5905 entries from 1 on are keyed");
  }

  @Test
  void anUnkeyedLogPutInPlaceOfTheKeyedOneIsNotPinnedByTheNextStart() throws Exception {
    stopBroker();
    try (Connection c = db()) {
      c.createStatement().execute("DELETE FROM audit");
      String at = "2025-01-01T00:00:00Z";
      String previous = "0".repeat(64);
      String canonical = String.join("\u001f", "1", at, "broker", "principal.added", "", "name=operator role=admin",
          previous);
      c.createStatement().execute("INSERT INTO audit VALUES (1, '" + at + "', 'broker', 'principal.added', '',"
          + " 'name=operator role=admin', '" + previous + "', '" + HexFormat.of().formatHex(MessageDigest
          .getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))) + "')");
    }
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1")))
        .hasMessageContaining("DR-5905").hasMessageContaining("no `audit.keyed` entry although its key");
    try (Connection c = db()) {
      assertThat(count(c)).as("nothing appended").isEqualTo(1);
    }
  }

  @Test
  void sitesAndTheBrokerExchangeHeadsAndAHeadBehindTheHeldOneIsRefused() throws Exception {
    AuditHead mine = new AuditHead(7, "b".repeat(64));
    AuditHead brokers = site.exchangeAuditHead(mine).orThrow();
    assertThat(brokers.seq()).isGreaterThan(5);
    assertThat(site.heldAuditHead().orThrow()).isEqualTo(mine);

    var behind = site.exchangeAuditHead(new AuditHead(6, "c".repeat(64)));
    assertThat(behind.status()).isEqualTo(409);
    assertThat(behind.problem().code()).isEqualTo("DR-5906");
    var rewritten = site.exchangeAuditHead(new AuditHead(7, "d".repeat(64)));
    assertThat(rewritten.status()).isEqualTo(409);
    assertThat(site.heldAuditHead().orThrow()).as("the held head stays").isEqualTo(mine);
    assertThat(site.exchangeAuditHead(new AuditHead(9, "e".repeat(64))).isOk()).isTrue();

    for (String bad : List.of("{\"seq\":0,\"mac\":\"" + "a".repeat(64) + "\"}", "{\"seq\":3,\"mac\":\"XYZ\"}",
        "{\"seq\":3}", "[]")) {
      var r = site.raw("PUT", "/v1/node/audit-head", bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
    }
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    assertThat(op.exchangeAuditHead(mine).status()).isEqualTo(403);
  }
}
