package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
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
    Logger logger = (Logger) LoggerFactory.getLogger(BrokerPoller.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try (Network network = new Network(dir)) {
      BrokerClient stranger = BrokerClient.of(network.broker.localUri(), "not-a-key-the-broker-issued");
      try (BrokerPoller poller = BrokerPoller.start(stranger, Duration.ofMillis(200),
          new Backoff(Duration.ofMillis(20), Duration.ofMillis(40)), new SplittableRandom(1),
          request -> { })) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (refusals(events) < 4 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(poller.connected()).isFalse();
      }
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    List<ILoggingEvent> errors = events.list.stream()
        .filter(e -> e.getLevel() == Level.ERROR).toList();
    assertThat(refusals(events)).isGreaterThanOrEqualTo(4);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getFormattedMessage())
        .contains("does not accept this node's credentials").contains("--key-file");
  }

  @Test
  void aNodeSpeakingTlsToAPlainBrokerLogsOneErrorNamingTheTrustStore() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(BrokerPoller.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try (Network network = new Network(dir)) {
      java.net.URI plain = network.broker.localUri();
      java.net.URI https = new java.net.URI("https", null, plain.getHost(), plain.getPort(),
          plain.getPath(), null, null);
      BrokerClient tls = BrokerClient.of(https, "any-key", javax.net.ssl.SSLContext.getDefault());
      try (BrokerPoller poller = BrokerPoller.start(tls, Duration.ofMillis(200),
          new Backoff(Duration.ofMillis(20), Duration.ofMillis(40)), new SplittableRandom(1),
          request -> { })) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (events.list.size() < 4 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(poller.connected()).isFalse();
      }
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    List<ILoggingEvent> errors = List.copyOf(events.list).stream()
        .filter(e -> e.getLevel() == Level.ERROR).toList();
    assertThat(events.list).hasSizeGreaterThanOrEqualTo(4);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getFormattedMessage()).contains("TLS").contains("--truststore");
  }

  private static long refusals(ListAppender<ILoggingEvent> events) {
    return List.copyOf(events.list).stream()
        .filter(e -> e.getFormattedMessage().contains("credentials")
            || e.getFormattedMessage().contains("refused the poll"))
        .count();
  }
}
