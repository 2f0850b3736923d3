package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.web.kit.MovingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed-in sessions are kept in the broker's database: one survives a restart of the broker on
 * the same directory (with its form token), the database holds neither the session id nor the
 * key, and a session idle too long is refused after the restart as before.
 */
class PortalRestartIT {

  @TempDir Path dir;

  @Test
  void aSessionSurvivesARestartAndExpiresAsBefore() throws Exception {
    MovingClock clock = new MovingClock(Instant.now());
    Path data = dir.resolve("broker");
    Browserless b;
    String alice;
    try (Broker first = start(data, clock)) {
      BrokerClient op = BrokerClient.of(first.localUri(), Files.readString(data.resolve("operator.key")).strip());
      alice = op.addResearcher("alice").orThrow().key();
      b = new Browserless(first.localUri());
      assertThat(b.signIn(alice).statusCode()).isEqualTo(303);
      assertThat(b.get("/research/requests").statusCode()).isEqualTo(200);
    }
    String id = b.cookies.get("dr_session");
    List<String> kept = keptSessions(data);
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0)).startsWith("alice|researcher|").doesNotContain(id).doesNotContain(alice);

    clock.advance(Duration.ofMinutes(20));
    try (Broker second = start(data, clock)) {
      Browserless again = new Browserless(second.localUri());
      again.cookies.putAll(b.cookies);
      HttpResponse<String> page = again.get("/research/requests");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("alice");
      assertThat(again.csrf).as("the form token is the session's").isEqualTo(b.csrf);
      HttpResponse<String> saved = again.post("/research/saved", Map.of("_csrf", again.csrf, "q", "", "title", "x"));
      assertThat(saved.statusCode()).as("a POST with the kept token passes the token check").isNotEqualTo(403);

      Browserless stranger = new Browserless(second.localUri());
      stranger.cookies.put("dr_session", id.substring(1) + "A");
      assertThat(stranger.get("/research/requests").statusCode()).isEqualTo(303);

      clock.advance(Duration.ofMinutes(31));
      HttpResponse<String> idle = again.get("/research/requests");
      assertThat(idle.statusCode()).isEqualTo(303);
      assertThat(idle.headers().firstValue("Location")).hasValue("/signin?expired=1");
    }
    assertThat(keptSessions(data)).as("the ended session is removed").isEmpty();
  }

  private static Broker start(Path data, Clock pages) {
    return Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1"),
        new BrokerConfig.Runtime(Clock.systemUTC(), Duration.ofMinutes(10)), BrokerPortal.of(pages, new SecureRandom()));
  }

  /** Every kept session as name|role|id hash|sealed key|last seen|ends. */
  private static List<String> keptSessions(Path data) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("broker.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, role, id_hash, sealed, last_seen, ends FROM page_session")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
            + rs.getLong(5) + "|" + rs.getLong(6));
      }
    }
    return out;
  }
}
