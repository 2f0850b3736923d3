package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.datenraum.broker.Broker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code datenraum broker} shows one line per request handled at the default log level. */
class BrokerRequestLogIT {

  @TempDir Path root;

  @Test
  void theRunningBrokerLogsEachRequest() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Broker.REQUEST_LOG);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (Background broker = new Background("broker", "--data", root.resolve("b").toString(), "--port", "0")) {
      String port = broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30));
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/v1/openapi.json?x=secret")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      for (int i = 0; i < 100 && lines.list.isEmpty(); i++) {
        Thread.sleep(50);
      }
      List<String> logged = List.copyOf(lines.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(logged).singleElement().asString().matches("GET /v1/openapi.json 200 \\d+ ms");
    } finally {
      logger.detachAppender(lines);
    }
  }
}
