package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkDisclosureTest {

  private final NetworkDisclosure rules = NetworkDisclosure.defaults();

  @Test
  void totalsBelowTwentyAreHidden() {
    assertThat(rules.showsTotal(19)).isFalse();
    assertThat(rules.showsTotal(20)).isTrue();
    assertThat(rules.suppressedText()).isEqualTo("< 20");
  }

  @Test
  void breakdownNeedsThreeSitesAboveTwenty() {
    assertThat(rules.showsBreakdown(new long[] {30, 40, 50})).isTrue();
    assertThat(rules.showsBreakdown(new long[] {30, 40, 20})).isFalse();
    assertThat(rules.showsBreakdown(new long[] {30, 40})).isFalse();
    assertThat(rules.showsBreakdown(new long[] {30, 40, 50, 10})).isTrue();
    assertThat(rules.listsSite(10)).isFalse();
  }
}
