package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.BrokerPoller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A node the broker refuses says why, as an error, once per run of failures, and keeps trying. */
class RefusedNodeIT {

  @TempDir Path dir;

  @Test
  void aNodeWithAnUnknownKeyLogsOneErrorNamingTheKeyFile() throws Exception {
    List<ILoggingEvent> events =
        pollUntil(4, broker -> BrokerClient.of(broker, "not-a-key-the-broker-issued"));
    assertThat(errors(events)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("does not accept this node's credentials").contains("--key-file"));
  }

  @Test
  void aNodeSpeakingTlsToAPlainBrokerLogsOneErrorNamingTheTrustStore() throws Exception {
    List<ILoggingEvent> events = pollUntil(4, broker -> {
      try {
        URI https = new URI("https", null, broker.getHost(), broker.getPort(), broker.getPath(),
            null, null);
        return BrokerClient.of(https, "any-key", SSLContext.getDefault());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(errors(events)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("TLS").contains("--truststore"));
  }

  /** Polls a real broker with the client until the poller has logged {@code count} failures. */
  private List<ILoggingEvent> pollUntil(int count, Function<URI, BrokerClient> client)
      throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(BrokerPoller.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try (Network network = new Network(dir);
        BrokerPoller poller = BrokerPoller.start(client.apply(network.broker.localUri()),
            Duration.ofMillis(200), new Backoff(Duration.ofMillis(20), Duration.ofMillis(40)),
            new SplittableRandom(1), request -> { })) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (events.list.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(poller.connected()).isFalse();
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    List<ILoggingEvent> logged = List.copyOf(events.list);
    assertThat(logged).as("failures logged while retrying").hasSizeGreaterThanOrEqualTo(count);
    return logged;
  }

  private static List<ILoggingEvent> errors(List<ILoggingEvent> events) {
    return events.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
  }
}
