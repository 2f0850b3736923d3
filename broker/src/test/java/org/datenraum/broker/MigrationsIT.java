package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.broker.internal.Migrations;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's versioned schema: fresh databases, databases from before versioning, newer ones. */
class MigrationsIT {

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void anUnversionedDatabaseIsMigratedAndKeepsItsRequests() throws Exception {
    try (Connection c = connect()) {
      runScript(c, "broker-db-unversioned.sql");
    }
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    try (Connection c = connect()) {
      assertThat(versions(c)).containsExactly(1, 2, 3, 4, 5);
      assertThat(single(c, "SELECT type FROM request WHERE id = 'r-1'")).isEqualTo("stratified");
    }
    BrokerClient alice = BrokerClient.of(broker.localUri(), "drk_alice-before-migrations");
    RequestView v = alice.request("r-1", Duration.ZERO).orThrow();
    assertThat(v.type()).isEqualTo(RequestType.STRATIFIED);
    assertThat(v.sites()).extracting(s -> s.status()).containsExactly(SiteStatus.COMPLETED, SiteStatus.QUEUED);
    assertThat(v.result().total().value()).isEqualTo(40);
    assertThat(alice.surveillance(null, null).status()).isEqualTo(404);
  }

  @Test
  void aFreshDatabaseGetsEveryMigrationOnceAndARestartAppliesNone() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    broker.close();
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    try (Connection c = connect()) {
      List<Integer> expected = new ArrayList<>();
      for (int v = 1; v <= Migrations.latest(); v++) {
        expected.add(v);
      }
      assertThat(versions(c)).isEqualTo(expected);
    }
  }

  @Test
  void aDatabaseOfANewerProgramIsRefused() throws Exception {
    Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1")).close();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (" + (Migrations.latest() + 1) + ", 'V99__future.sql', 0)");
    }
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1")))
        .hasMessageContaining("newer than this program knows");
  }

  private Connection connect() throws Exception {
    java.nio.file.Files.createDirectories(dir);
    return DriverManager.getConnection("jdbc:sqlite:" + Broker.databaseFile(dir));
  }

  private static void runScript(Connection c, String name) throws Exception {
    try (InputStream in = MigrationsIT.class.getResourceAsStream(name); Statement s = c.createStatement()) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
      for (String statement : sql.split(";\n")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  private static List<Integer> versions(Connection c) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private static String single(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
