package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A node logs one line per request it handles: id, type, decision and duration, nothing about the data. */
class RequestLogIT {

  private static final String LINE = "request [A-Za-z0-9._-]+ type=[a-z]+ decision=[a-z-]+ in \\d+ ms";

  @TempDir Path tmp;

  @Test
  void oneLinePerRequestHandledWithoutCountsOrQueryContent() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Node.REQUEST_LOG);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try (Network net = new Network(tmp)) {
      for (String s : List.of("a", "b", "c")) {
        net.register(s);
      }
      net.startAuto("a", Cohorts.reference(TestSites.site(1, 63, 0)), 1);
      net.startAuto("b", Cohorts.reference(TestSites.site(2, 7, 0)), 2);
      net.start("c", Cohorts.reference(TestSites.site(3, 80, 0)), Network.FAST, 3);
      Submission diabetes = Submission.feasibility(WireJson.mapper().readTree(TestSites.DIABETES_QUERY));
      String id = net.researcher.submit(diabetes).orThrow().id();
      net.await(id, v -> v.sites().stream().filter(s -> !s.site().equals("c")).allMatch(s -> s.status().terminal())
          && v.sites().stream().anyMatch(s -> s.site().equals("c") && s.status() == org.datenraum.federation.v1.SiteStatus.INTERACTION));
      net.dir("c").decide(id, new Decision(false, "dora", "outside our ethics vote"));
      net.await(id, v -> v.sites().stream().allMatch(s -> s.status().terminal()));
      awaitLines(events, 4);

      List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).allSatisfy(l -> assertThat(l).matches(LINE));
      assertThat(lines).filteredOn(l -> l.startsWith("request " + id + " "))
          .extracting(l -> l.replaceAll(" in \\d+ ms$", ""))
          .containsExactlyInAnyOrder("request " + id + " type=feasibility decision=answered",
              "request " + id + " type=feasibility decision=answered",
              "request " + id + " type=feasibility decision=awaiting-approval",
              "request " + id + " type=feasibility decision=rejected");
      assertThat(net.dir("a").find(id).orElseThrow().released().total().value()).isPositive();
      assertThat(lines).extracting(l -> l.replace(id, "").replaceAll(" in \\d+ ms$", ""))
          .allSatisfy(l -> assertThat(l).as("no number besides the duration").doesNotContainPattern("\\d"))
          .allSatisfy(l -> assertThat(l).doesNotContain("E11").doesNotContain("dora").doesNotContain("ethics"));
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
  }

  private static void awaitLines(ListAppender<ILoggingEvent> events, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (events.list.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
