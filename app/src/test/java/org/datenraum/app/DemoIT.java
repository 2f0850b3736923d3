package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.node.internal.AuditHeadExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code datenraum demo} with tiny hospitals: the whole network runs, answers, stops, and runs again. */
class DemoIT {

  private static final Pattern MERGED = Pattern.compile("Merged answer: (\\d+|< 20) patients");

  @TempDir Path dir;

  @Test
  void theDemoNetworkAnswersBothQuestionsAndARerunReusesTheSitesWithTheSameAnswers() throws IOException {
    Cli.Run first = Cli.run("demo", "--once", "--dir", dir.toString(), "--patients", "200");
    assertThat(first.status()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("Universitätsklinikum Musterstadt", "Klinikum Beispielburg",
        "Universitätsmedizin Nordhafen", "broker on http://127.0.0.1:", "by sex: ", "by age: ");
    assertThat(first.out().split("completed", -1)).as("6 site answers").hasSize(7);
    assertThat(merged(first.out())).hasSize(2).first().isNotEqualTo("0");

    List<Path> nodeDirs = nodeDirectories();
    assertThat(nodeDirs).as("a node directory per site").hasSize(3);
    for (Path node : nodeDirs) {
      AuditHeadFile.write(node.resolve("broker-audit-head.json"), new AuditHead(1000, "ab".repeat(32)));
    }
    Logger exchange = (Logger) LoggerFactory.getLogger(AuditHeadExchange.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    exchange.addAppender(lines);
    Cli.Run again;
    try {
      again = Cli.run("demo", "--once", "--dir", dir.toString(), "--patients", "200");
    } finally {
      exchange.detachAppender(lines);
    }
    assertThat(again.status()).as(again.out() + again.err()).isZero();
    assertThat(lines.list).as("the rerun's new broker is not taken for a rewritten log")
        .noneMatch(e -> e.getFormattedMessage().contains("DR-5907"));
    assertThat(again.out()).contains("Reusing the site stores");
    assertThat(merged(again.out())).as("the sites remember their noisy answers").isEqualTo(merged(first.out()));
  }

  /** The sites' node directories: where a site keeps its audit log and the broker's head. */
  private List<Path> nodeDirectories() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().equals("audit.log"))
          .map(Path::getParent).filter(d -> d.getFileName().toString().equals("node")).toList();
    }
  }

  private static java.util.List<String> merged(String out) {
    Matcher m = MERGED.matcher(out);
    java.util.List<String> totals = new java.util.ArrayList<>();
    while (m.find()) {
      totals.add(m.group(1));
    }
    return totals;
  }
}
