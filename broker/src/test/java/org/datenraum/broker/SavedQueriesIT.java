package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.NewSavedQuery;
import org.datenraum.federation.v1.SavedQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved queries over real HTTP: each researcher sees only their own; `GET /v1/me` names the caller. */
class SavedQueriesIT {

  @TempDir Path dir;
  private Broker broker;
  private BrokerClient alice;
  private BrokerClient bob;
  private BrokerClient operator;

  @BeforeEach
  void start() throws Exception {
    broker = Broker.start(BrokerConfig.of(dir, 0));
    operator = BrokerClient.of(broker.localUri(), Files.readString(dir.resolve("operator.key")));
    alice = BrokerClient.of(broker.localUri(), operator.addResearcher("alice").orThrow().key());
    bob = BrokerClient.of(broker.localUri(), operator.addResearcher("bob").orThrow().key());
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private static NewSavedQuery query(String title, String code) throws Exception {
    return new NewSavedQuery(title, "a comment", new ObjectMapper().readTree("{\"inclusionCriteria\":[[{\"context\":"
        + "{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},\"termCodes\":[{\"system\":\"s\",\"code\":\"" + code
        + "\"}]}]]}"));
  }

  @Test
  void aResearcherKeepsListsReadsAndDeletesOwnQueriesAndNoOneElsesIsVisible() throws Exception {
    SavedQuery first = alice.saveQuery(query("Diabetes", "E11")).orThrow();
    Thread.sleep(5);
    SavedQuery second = alice.saveQuery(query("  Demenz  ", "F03")).orThrow();
    assertThat(second.title()).isEqualTo("Demenz");
    assertThat(alice.savedQueries().orThrow()).extracting(SavedQuery::title).containsExactly("Demenz", "Diabetes");
    SavedQuery read = alice.savedQuery(first.id()).orThrow();
    assertThat(read.query()).isEqualTo(query("x", "E11").query());
    assertThat(read.comment()).isEqualTo("a comment");

    assertThat(bob.savedQueries().orThrow()).isEmpty();
    var foreign = bob.savedQuery(first.id());
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.problem().detail()).contains(first.id()).contains("of yours");
    assertThat(bob.deleteSavedQuery(first.id()).status()).isEqualTo(404);
    assertThat(alice.savedQuery(first.id()).isOk()).as("bob's delete changed nothing").isTrue();

    assertThat(alice.deleteSavedQuery(first.id()).status()).isEqualTo(204);
    assertThat(alice.savedQueries().orThrow()).extracting(SavedQuery::id).containsExactly(second.id());
    assertThat(operator.savedQueries().status()).isEqualTo(403);
  }

  @Test
  void aQueryWithoutTitleOrNotAnObjectIsRefused() {
    var noTitle = alice.raw("POST", "/v1/saved-queries", "{\"title\":\" \",\"query\":{}}");
    assertThat(noTitle.statusCode()).isEqualTo(400);
    assertThat(noTitle.body()).contains("title");
    var notObject = alice.raw("POST", "/v1/saved-queries", "{\"title\":\"t\",\"query\":[1]}");
    assertThat(notObject.statusCode()).isEqualTo(400);
    assertThat(alice.savedQueries().orThrow()).isEmpty();
  }

  @Test
  void meNamesTheCallerAndItsRole() {
    assertThat(alice.me().orThrow().name()).isEqualTo("alice");
    assertThat(operator.me().orThrow().role().wire()).isEqualTo("admin");
    assertThat(BrokerClient.of(broker.localUri(), "drk_unknown").me().status()).isEqualTo(401);
  }
}
