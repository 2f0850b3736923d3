package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.Submission;
import org.datenraum.privacy.QuotaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The researcher's quota under parallel submissions and invalid submissions, over real HTTP. */
class QuotaIT {

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void parallelSubmissionsGetExactlyTheQuota() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withQuota(new QuotaPolicy(3, 50)));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    op.addSite("a").orThrow();
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    int parallel = 16;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        replies.add(pool.submit(() -> {
          go.await();
          return alice.submit(TestQueries.FEASIBILITY).status();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : replies) {
        statuses.add(f.get(60, TimeUnit.SECONDS));
      }
      System.out.println("quota 3/min, " + parallel + " parallel submissions: "
          + statuses.stream().filter(s -> s == 201).count() + " accepted");
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
      assertThat(statuses).filteredOn(s -> s == 429).hasSize(parallel - 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidCcdlIsRefusedWithTheParsersProblemAndDoesNotUseUpTheQuota() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withQuota(new QuotaPolicy(3, 50)));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    op.addSite("a").orThrow();
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    List<String> invalid = List.of(
        "{\"version\":\"http://to_be_decided.com/draft-2/schema#\"}",
        "{\"inclusionCriteria\":[[]]}",
        "{\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"http://loinc.org\"}]}]]}",
        "{\"version\":7,\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"http://loinc.org\",\"code\":\"1-8\"}]}]]}");
    for (String ccdl : invalid) {
      var refused = alice.submit(Submission.feasibility(TestQueries.json(ccdl)));
      assertThat(refused.status()).as(ccdl).isEqualTo(400);
      assertThat(refused.problem().code()).as(ccdl).startsWith("DR-20");
      assertThat(refused.problem().field()).isEqualTo("$.query");
      assertThat(refused.problem().detail()).startsWith("The query is not valid CCDL: ");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(alice.submit(TestQueries.FEASIBILITY).status()).isEqualTo(201);
    }
    assertThat(alice.submit(TestQueries.FEASIBILITY).status()).isEqualTo(429);
  }
}
