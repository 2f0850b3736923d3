package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.datenraum.federation.BrokerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The broker logs one line per request handled, with the route's template and nothing the caller wrote. */
class RequestLogIT {

  @TempDir Path dir;
  private Broker broker;
  private final Logger logger = (Logger) LoggerFactory.getLogger(Broker.REQUEST_LOG);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @AfterEach
  void stop() {
    logger.detachAppender(lines);
    if (broker != null) {
      broker.close();
    }
  }

  private List<String> logged() {
    synchronized (lines) {
      return List.copyOf(lines.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Test
  void oneLinePerRequestWithMethodTemplateStatusDurationAndPrincipal() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("site-a").orThrow().key());
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);

    String id = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
    assertThat(site.poll(Duration.ofSeconds(5), false).orThrow()).hasSize(1);
    alice.request(id, Duration.ofMillis(300)).orThrow();
    alice.request("Erika Mustermann 1964-08-12", Duration.ZERO);
    op.raw("GET", "/v1/no-such-route?patient=Erika", null);

    for (int i = 0; i < 100 && logged().size() < 5; i++) {
      Thread.sleep(50);
    }
    Thread.sleep(200);
    assertThat(logged()).hasSize(5);
    assertThat(logged().get(0)).matches("POST /v1/requests 201 \\d+ ms principal=alice");
    assertThat(logged().get(1)).matches("GET /v1/node/requests 200 \\d+ ms principal=site-a");
    assertThat(logged().get(2)).matches("GET /v1/requests/\\{id} 200 \\d+ ms principal=alice request=" + id);
    assertThat(logged().get(3)).matches("GET /v1/requests/\\{id} 404 \\d+ ms principal=alice request=\\(not an id\\)");
    assertThat(logged().get(4)).matches("GET \\(no route\\) 404 \\d+ ms");
    assertThat(String.join("\n", logged())).doesNotContain("Erika").doesNotContain("1964").doesNotContain("wait=")
        .doesNotContain("?").doesNotContain("drk_");
  }
}
