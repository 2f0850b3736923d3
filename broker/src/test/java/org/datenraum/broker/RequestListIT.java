package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestPage;
import org.datenraum.federation.v1.RequestSummary;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.privacy.QuotaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/requests}: a researcher's own requests, newest first, in pages, over real HTTP. */
class RequestListIT {

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void aResearcherPagesThroughItsOwnRequestsOnly() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withQuota(new QuotaPolicy(10, 50)));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    BrokerClient bob = BrokerClient.of(broker.localUri(), op.addResearcher("bob").orThrow().key());
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(0, alice.submit(TestQueries.FEASIBILITY).orThrow().id());
      Thread.sleep(5);
    }
    List<String> bobs = List.of(bob.submit(TestQueries.FEASIBILITY).orThrow().id(),
        bob.submit(TestQueries.FEASIBILITY).orThrow().id());
    site.upload(mine.get(0), org.datenraum.federation.v1.SiteResult.total(
        org.datenraum.federation.v1.Count.of(40))).orThrow();

    List<String> listed = new ArrayList<>();
    RequestPage page = alice.requests(2, null).orThrow();
    assertThat(page.requests()).hasSize(2);
    RequestSummary newest = page.requests().get(0);
    assertThat(newest.id()).isEqualTo(mine.get(0));
    assertThat(newest.type()).isEqualTo(RequestType.FEASIBILITY);
    assertThat(newest.done()).isTrue();
    assertThat(page.requests().get(1).done()).isFalse();
    page.requests().forEach(r -> listed.add(r.id()));
    while (page.next() != null) {
      page = alice.requests(2, page.next()).orThrow();
      page.requests().forEach(r -> listed.add(r.id()));
    }
    assertThat(listed).isEqualTo(mine);
    assertThat(bob.requests(100, null).orThrow().requests()).extracting(RequestSummary::id)
        .containsExactlyInAnyOrderElementsOf(bobs);
    assertThat(bob.requests(10, mine.get(1)).status()).isEqualTo(400);
    assertThat(alice.raw("GET", "/v1/requests?limit=0", null).statusCode()).isEqualTo(400);
    assertThat(alice.raw("GET", "/v1/requests?limit=abc", null).statusCode()).isEqualTo(400);
    assertThat(site.requests(10, null).status()).isEqualTo(403);
  }
}
