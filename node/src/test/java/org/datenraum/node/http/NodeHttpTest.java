package org.datenraum.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.http.HandlerType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.datenraum.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The node's local port: keyed routes by role, contributions, refusals as problems, the port in use named. */
class NodeHttpTest {

  @TempDir Path tmp;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void keysOfTheRightRoleOpenTheirRoutesOthersAreRefused() throws Exception {
    LocalKeys keys = LocalKeys.in(tmp.resolve("node"));
    SplittableRandom random = new SplittableRandom(7);
    String admin = keys.create("dora", LocalRole.SITE_ADMIN, Clock.systemUTC(), random).value();
    String importer = keys.create("kis", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    NodeHttpRoutes posts = r -> r.add(HandlerType.POST, "/local/import/echo", LocalRole.SITE_IMPORT,
        ctx -> ctx.result("got " + ctx.body().length() + " bytes from " + LocalRoutes.principal(ctx).name()));
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(posts))) {
      assertThat(http.uri().toString()).isEqualTo("http://127.0.0.1:" + http.port());
      assertThat(get(http, "/local/health", null).body()).isEqualTo("{\"status\":\"up\"}");
      HttpResponse<String> me = get(http, "/local/whoami", admin);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"name\":\"dora\"").contains("\"role\":\"site-admin\"");

      HttpResponse<String> none = get(http, "/local/whoami", null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(none.body()).contains("DR-7102");
      assertThat(get(http, "/local/whoami", admin + "x").body()).contains("DR-7103");

      HttpResponse<String> posted = post(http, "/local/import/echo", importer, "<ClinicalDocument/>");
      assertThat(posted.statusCode()).isEqualTo(200);
      assertThat(posted.body()).isEqualTo("got 19 bytes from kis");
      HttpResponse<String> wrongRole = post(http, "/local/import/echo", admin, "x");
      assertThat(wrongRole.statusCode()).isEqualTo(403);
      assertThat(wrongRole.body()).contains("DR-7104").contains("`site-import`");

      assertThat(keys.revoke("kis")).isTrue();
      assertThat(post(http, "/local/import/echo", importer, "x").statusCode()).as("revoked at once").isEqualTo(401);
      assertThat(get(http, "/local/nothing-here", admin).body()).contains("DR-7106");
    }
  }

  @Test
  void keysAreKeptHashedInAnOwnerOnlyFile() throws Exception {
    LocalKeys keys = LocalKeys.in(tmp.resolve("node"));
    String key = keys.create("dora", LocalRole.SITE_ADMIN, Clock.systemUTC(), new SplittableRandom(1)).value();
    String file = Files.readString(keys.file());
    assertThat(file).doesNotContain(key).doesNotContain(key.substring(4, 20)).contains(LocalKeys.sha256(key));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file()))).isEqualTo("rw-------");
    assertThat(keys.create("dora", LocalRole.SITE_IMPORT, Clock.systemUTC(), new SplittableRandom(2)).problem()
        .code()).isEqualTo("DR-7111");
    assertThat(keys.create("Dora Admin", LocalRole.SITE_ADMIN, Clock.systemUTC(), new SplittableRandom(2)).problem()
        .code()).isEqualTo("DR-7110");
    assertThat(keys.authenticate(key)).contains(new LocalPrincipal("dora", LocalRole.SITE_ADMIN));
    assertThat(keys.authenticate(key.substring(0, key.length() - 1))).isEmpty();
    assertThat(keys.revoke("nobody")).isFalse();
  }

  @Test
  void aPortInUseIsNamed() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> NodeHttp.start(NodeHttpConfig.loopback(port), LocalKeys.in(tmp), List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("DR-7101 --http-port `" + port + "` on `127.0.0.1` is in use");
    }
    assertThatThrownBy(() -> NodeHttp.start(new NodeHttpConfig("203.0.113.9", 0), LocalKeys.in(tmp), List.of()))
        .hasMessageContaining("DR-7105 --http-bind `203.0.113.9`");
  }

  @Test
  void oneRequestLogLinePerCallWithRouteAndKeyNameOnly() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Node.REQUEST_LOG);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    LocalKeys keys = LocalKeys.in(tmp.resolve("node"));
    String admin = keys.create("dora", LocalRole.SITE_ADMIN, Clock.systemUTC(), new SplittableRandom(3)).value();
    NodeHttpRoutes byId = r -> r.add(HandlerType.GET, "/local/things/{id}", LocalRole.SITE_ADMIN, ctx -> ctx.result("ok"));
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(byId))) {
      get(http, "/local/things/E11.9?q=secret", admin);
      get(http, "/local/whoami", null);
      long deadline = System.currentTimeMillis() + 5000;
      while (events.list.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(l -> l.startsWith("http ")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("http GET /local/things/\\{id} 200 \\d+ ms principal=dora");
    assertThat(lines.get(1)).matches("http GET /local/whoami 401 \\d+ ms");
    assertThat(String.join("\n", lines)).doesNotContain("E11").doesNotContain("secret").doesNotContain(admin);
  }

  private HttpResponse<String> get(NodeHttp http, String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.uri() + path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(NodeHttp http, String path, String key, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(http.uri() + path)).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
