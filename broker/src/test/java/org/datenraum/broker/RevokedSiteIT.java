package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.privacy.QuotaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revoking a site's key ends its open requests at once; the merge comes from the other sites. */
class RevokedSiteIT {

  @TempDir Path dir;
  private Broker broker;

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void aRevokedSitesOpenRequestsFailThereAndAreMergedFromTheOthers() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withQuota(new QuotaPolicy(10, 50)));
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    BrokerClient a = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    BrokerClient b = BrokerClient.of(broker.localUri(), op.addSite("b").orThrow().key());
    BrokerClient c = BrokerClient.of(broker.localUri(), op.addSite("c").orThrow().key());
    BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
    String answered = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
    String processing = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
    b.poll(Duration.ofSeconds(1), false).orThrow();
    b.upload(answered, SiteResult.total(Count.of(20))).orThrow();
    b.status(processing, new StatusUpdate(SiteStatus.PROCESSING, null)).orThrow();
    a.upload(processing, SiteResult.total(Count.of(40))).orThrow();
    c.upload(processing, SiteResult.total(Count.of(30))).orThrow();
    CompletableFuture<RequestView> waiting = CompletableFuture.supplyAsync(
        () -> alice.request(processing, Duration.ofSeconds(30)).orThrow());

    op.revoke("b").orThrow();

    RequestView v = waiting.get(10, TimeUnit.SECONDS);
    assertThat(v.done()).isTrue();
    assertThat(v.sites()).extracting(s -> s.site() + "=" + s.status().wire())
        .containsExactly("a=completed", "b=failed", "c=completed");
    assertThat(v.sites().get(1).message()).contains("revoked");
    assertThat(v.result().total().value()).isEqualTo(70);
    assertThat(v.result().sitesReporting()).isEqualTo(2);
    RequestView earlier = alice.request(answered, Duration.ZERO).orThrow();
    assertThat(earlier.sites()).extracting(s -> s.status()).containsExactly(SiteStatus.QUEUED, SiteStatus.COMPLETED,
        SiteStatus.QUEUED);
    assertThat(b.upload(processing, SiteResult.total(Count.of(50))).status()).isEqualTo(401);
    assertThat(op.raw("GET", "/v1/admin/audit/verify", null).body()).contains("\"intact\":true");
  }
}
