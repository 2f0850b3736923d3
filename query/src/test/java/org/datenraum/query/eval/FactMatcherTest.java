package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactMatcherTest {

  @Test
  void attributeNamesMatchTheEndOfElementPaths() {
    assertThat(FactMatcher.keyMatches("bodySite", "bodySite")).isTrue();
    assertThat(FactMatcher.keyMatches("collection.bodySite", "bodySite")).isTrue();
    assertThat(FactMatcher.keyMatches("hospitalization.dischargeDisposition", "dischargeDisposition")).isTrue();
    assertThat(FactMatcher.keyMatches("stage.summary", "stage.summary")).isTrue();
    assertThat(FactMatcher.keyMatches("xbodySite", "bodySite")).isFalse();
    assertThat(FactMatcher.keyMatches("bodySite.coding", "bodySite")).isFalse();
    assertThat(FactMatcher.keyMatches("stage.summary", "stage")).isFalse();
  }
}
