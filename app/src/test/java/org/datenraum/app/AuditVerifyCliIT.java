package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.internal.FileAuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum audit verify} on broker and site logs that were rewritten or cut short. */
class AuditVerifyCliIT {

  @TempDir Path tmp;

  private static String sha256(String... fields) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBrokerLogWithAnAppendedEntryOrACutTailFailsWithTheEntryNumber() throws Exception {
    Path data = tmp.resolve("broker");
    try (Broker b = Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1"))) {
      BrokerClient.of(b.localUri(), Files.readString(data.resolve("operator.key"))).addResearcher("alice").orThrow();
    }
    Cli.Run ok = Cli.run("audit", "verify", "--data", data.toString());
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Audit log intact: 3 entries, keyed from entry 1");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(data));
        ResultSet last = c.createStatement().executeQuery("SELECT * FROM audit WHERE seq = 3");
        PreparedStatement i = c.prepareStatement("INSERT INTO audit VALUES (4, ?, 'operator', 'principal.added', '',"
            + " 'name=mallory role=admin', ?, ?)")) {
      assertThat(last.next()).isTrue();
      String at = last.getString("at_time");
      String previous = last.getString("hash");
      i.setString(1, at);
      i.setString(2, previous);
      i.setString(3, sha256("4", at, "operator", "principal.added", "", "name=mallory role=admin", previous));
      i.executeUpdate();
    }
    Cli.Run appended = Cli.run("audit", "verify", "--data", data.toString());
    assertThat(appended.status()).isEqualTo(1);
    assertThat(appended.err()).contains("DR-5901").contains("entry 4 was altered or added without the audit key");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(data))) {
      c.createStatement().execute("DELETE FROM audit WHERE seq > 2");
    }
    Cli.Run cut = Cli.run("audit", "verify", "--data", data.toString());
    assertThat(cut.status()).isEqualTo(1);
    assertThat(cut.err()).contains("DR-5903 the audit log was tampered with: the log ends at entry 2, but the"
        + " broker's head file `audit-head.json` holds entry 3 as its head: entry 3 was cut off.");

    Path siteHeld = tmp.resolve("broker-audit-head.json");
    AuditHeadFile.write(siteHeld, AuditHeadFile.read(data.resolve("audit-head.json")).orElseThrow());
    Files.delete(data.resolve("audit-head.json"));
    assertThat(Cli.run("audit", "verify", "--data", data.toString()).status()).isZero();
    Cli.Run anchored = Cli.run("audit", "verify", "--data", data.toString(), "--anchor", siteHeld.toString());
    assertThat(anchored.status()).isEqualTo(1);
    assertThat(anchored.err()).contains("DR-5903").contains("but the head file `" + siteHeld + "` holds entry 3");
  }

  @Test
  void aSiteLogCutShortFailsAgainstTheHeadTheBrokerHolds() throws Exception {
    NodeDirectory dir = new NodeDirectory(tmp.resolve("site")).create();
    try (FileAuditLog log = FileAuditLog.open(dir.auditLog(), dir.auditKey(), dir.auditHead(), Clock.systemUTC())) {
      log.append("alice", "request.received", "r1", "type=feasibility");
      log.append("rule:auto-approve", "request.approved", "r1", "type=feasibility");
    }
    Path data = tmp.resolve("broker");
    try (Broker b = Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1"))) {
      BrokerClient op = BrokerClient.of(b.localUri(), Files.readString(data.resolve("operator.key")));
      Path key = tmp.resolve("site.key");
      Files.writeString(key, op.addSite("a").orThrow().key());
      AuditHead head = AuditHeadFile.read(dir.auditHead()).orElseThrow();
      BrokerClient.of(b.localUri(), Files.readString(key)).exchangeAuditHead(head).orThrow();
      String[] verify = {"audit", "verify", "--site", dir.site().toString(), "--broker", b.localUri().toString(),
          "--key-file", key.toString()};
      Cli.Run ok = Cli.run(verify);
      assertThat(ok.status()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("Audit log intact: 3 entries, keyed from entry 1, 1 head(s) held elsewhere");

      List<String> lines = Files.readAllLines(dir.auditLog());
      Files.write(dir.auditLog(), lines.subList(0, 2));
      Files.delete(dir.auditHead());
      assertThat(Cli.run("audit", "verify", "--site", dir.site().toString()).status()).isZero();
      Cli.Run cut = Cli.run(verify);
      assertThat(cut.status()).isEqualTo(1);
      assertThat(cut.err()).contains("DR-5903 the audit log was tampered with: the log ends at entry 2, but the"
          + " broker holds entry 3 as its head: entry 3 was cut off.");
    }
  }
}
