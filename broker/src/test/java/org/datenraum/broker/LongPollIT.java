package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open long polls hold no worker thread: other clients are answered while hundreds wait. */
class LongPollIT {

  private static final int SITES = 250;

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void twoHundredFiftyOpenPollsDoNotStallOtherClientsAndAllReceiveTheNextRequest() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1"));
    String operator = Files.readString(dir.resolve("operator.key")).strip();
    BrokerClient op = BrokerClient.of(broker.localUri(), operator);
    String alice = op.addResearcher("alice").orThrow().key();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < SITES; i++) {
      keys.add(op.addSite("site-" + i).orThrow().key());
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
    for (String key : keys) {
      polls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(broker.localUri() + "/v1/node/requests?wait=20"))
          .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(40)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(3000);
    assertThat(polls).noneMatch(CompletableFuture::isDone);

    String query = WireJson.write(TestQueries.FEASIBILITY);
    long start = System.nanoTime();
    HttpResponse<String> listed = http.send(call(operator, "GET", "/v1/admin/principals", null), BodyHandlers.ofString());
    long listMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    HttpResponse<String> submitted = http.send(call(alice, "POST", "/v1/requests", query), BodyHandlers.ofString());
    long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - listMillis;
    System.out.printf("with %d open long polls another client was answered in %d ms (list), %d ms (submit)%n",
        SITES, listMillis, submitMillis);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(submitted.statusCode()).isEqualTo(201);
    assertThat(listMillis).isLessThan(4000);
    assertThat(submitMillis).isLessThan(4000);
    String id = WireJson.read(submitted.body(), RequestView.class).id();
    long delivered = System.nanoTime();
    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    System.out.printf("all %d polls received the request %d ms after submission%n", SITES,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - delivered));
    for (var poll : polls) {
      assertThat(poll.get().statusCode()).isEqualTo(200);
      assertThat(poll.get().body()).contains(id);
    }
  }

  private HttpRequest call(String key, String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(broker.localUri() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build();
  }
}
