package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.BrokerPoller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A node the broker refuses says why, as an error naming what to check; a refused key stops the
 * node after its retries; an unreachable broker is reported with its address and reminded of while
 * the node keeps trying.
 */
class RefusedNodeIT {

  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(40));

  @TempDir Path dir;

  @Test
  void aNodeWithAnUnknownKeyLogsOneErrorThenStopsAfterItsRetries() throws Exception {
    try (Network network = new Network(dir)) {
      URI broker = network.broker.localUri();
      Logged logged = poll(BrokerClient.of(broker, "not-a-key-the-broker-issued"),
          (events, poller) -> poller.refused().isDone());
      assertThat(logged.poller.refused()).isCompletedWithValueMatching(why -> why.startsWith("DR-5640")
          && why.contains("`http://127.0.0.1:" + broker.getPort() + "`") && why.contains(BrokerPoller.REFUSALS_BEFORE_STOP + " times")
          && why.contains("--key-file"));
      assertThat(errors(logged.events)).hasSize(2);
      assertThat(errors(logged.events).get(0).getFormattedMessage())
          .contains("does not accept this node's credentials").contains("--key-file");
      assertThat(errors(logged.events).get(1).getFormattedMessage()).contains("stopped polling").contains("DR-5640");
      assertThat(logged.afterwards).as("no poll after stopping").isEqualTo(logged.events.size());
    }
  }

  @Test
  void aNodeSpeakingTlsToAPlainBrokerLogsOneErrorNamingTheTrustStore() throws Exception {
    try (Network network = new Network(dir)) {
      URI plain = network.broker.localUri();
      URI https = new URI("https", null, plain.getHost(), plain.getPort(), plain.getPath(), null, null);
      Logged logged = poll(BrokerClient.of(https, "any-key", SSLContext.getDefault()),
          (events, poller) -> events.size() >= 4);
      assertThat(errors(logged.events)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
          .contains("TLS").contains("--truststore"));
      assertThat(logged.poller.refused()).isNotDone();
    }
  }

  @Test
  void anUnreachableBrokerIsReportedWithItsAddressAndRemindedOfWhileTheNodeKeepsTrying() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI broker = URI.create("http://127.0.0.1:" + port);
    int reminders = 2;
    Logged logged = poll(BrokerClient.of(broker, "a-key"),
        (events, poller) -> events.size() >= reminders * BrokerPoller.REMINDER_EVERY + 1);
    assertThat(errors(logged.events)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("cannot reach the broker at " + broker)
        .contains(BrokerPoller.REPORT_AFTER + " attempts failed, the last: connection refused")
        .contains("--broker"));
    assertThat(logged.events.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
        .hasSizeGreaterThanOrEqualTo(reminders)
        .allSatisfy(m -> assertThat(m).startsWith("still cannot reach the broker at " + broker + " after"))
        .anySatisfy(m -> assertThat(m).contains("after " + BrokerPoller.REMINDER_EVERY + " attempts"));
    assertThat(logged.afterwards).as("still trying").isGreaterThan(logged.events.size());
    assertThat(logged.poller.refused()).isNotDone();
  }

  /** What the poller logged until the condition held, and how many events there were 300 ms later. */
  private record Logged(BrokerPoller poller, List<ILoggingEvent> events, int afterwards) {}

  private interface Condition {
    boolean holds(List<ILoggingEvent> events, BrokerPoller poller);
  }

  private static Logged poll(BrokerClient client, Condition done) throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(BrokerPoller.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try (BrokerPoller poller = BrokerPoller.start(client, Duration.ofMillis(200), FAST, new SplittableRandom(1),
        request -> { })) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!done.holds(List.copyOf(events.list), poller) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      List<ILoggingEvent> logged = List.copyOf(events.list);
      assertThat(done.holds(logged, poller)).as("condition within 20 s; logged %s", logged).isTrue();
      assertThat(poller.connected()).isFalse();
      TimeUnit.MILLISECONDS.sleep(300);
      return new Logged(poller, logged, events.list.size());
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
  }

  private static List<ILoggingEvent> errors(List<ILoggingEvent> events) {
    return events.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
  }
}
