package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.junit.jupiter.api.Test;

class BroadConsentTest {

  private static Fact provision(Coding code, String type, String start) {
    return new Fact("p", null, "Consent", "c-" + start, code, Instant.parse(start), null,
        new FactValue.Coded(new Coding(BroadConsent.PROVISION_TYPE, type)), "active", List.of());
  }

  @Test
  void theLatestResearchUseProvisionDecides() {
    Fact denied = provision(BroadConsent.RESEARCH_USE, "deny", "2020-01-01T00:00:00Z");
    Fact permitted = provision(BroadConsent.RESEARCH_USE, "permit", "2022-01-01T00:00:00Z");
    assertThat(BroadConsent.researchPermitted(List.of(denied, permitted).stream())).contains(true);
    assertThat(BroadConsent.researchPermitted(List.of(permitted,
        provision(BroadConsent.RESEARCH_USE, "deny", "2023-05-01T00:00:00Z")).stream())).contains(false);
  }

  @Test
  void otherProvisionsAndFactsDoNotDecide() {
    Fact collect = provision(new Coding(BroadConsent.SYSTEM, "2.16.840.1.113883.3.1937.777.24.5.3.6"), "deny",
        "2020-01-01T00:00:00Z");
    Fact lab = new Fact("p", null, "Observation", "o", BroadConsent.RESEARCH_USE, null, null, null, null, List.of());
    assertThat(BroadConsent.researchPermitted(List.of(collect, lab).stream())).isEmpty();
  }

  @Test
  void aTieBetweenPermitAndDenyIsDeny() {
    String t = "2021-01-01T00:00:00Z";
    assertThat(BroadConsent.researchPermitted(List.of(
        provision(BroadConsent.RESEARCH_USE, "permit", t), provision(BroadConsent.RESEARCH_USE, "deny", t)).stream()))
        .contains(false);
  }

  @Test
  void policiesTreatMissingConsentDifferently() {
    assertThat(BroadConsent.counted(ConsentPolicy.EXCLUDE_DENIED, Optional.empty())).isTrue();
    assertThat(BroadConsent.counted(ConsentPolicy.EXCLUDE_DENIED, Optional.of(false))).isFalse();
    assertThat(BroadConsent.counted(ConsentPolicy.REQUIRE_PERMIT, Optional.empty())).isFalse();
    assertThat(BroadConsent.counted(ConsentPolicy.REQUIRE_PERMIT, Optional.of(true))).isTrue();
  }
}
