package org.datenraum.federation.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTest {

  @Test
  void shortValuesPassUnchanged() {
    assertThat(Echo.of("age-bands 0-14")).isEqualTo("age-bands 0-14");
    assertThat(Echo.of(null)).isEqualTo("null");
  }

  @Test
  void longValuesAreCutAtFortyCharacters() {
    String echoed = Echo.of("a".repeat(45));
    assertThat(echoed).isEqualTo("a".repeat(40) + "...");
  }

  @Test
  void controlCharactersAndBackticksBecomeQuestionMarks() {
    assertThat(Echo.of("x\n<b>`\u0007;")).isEqualTo("x?<b>???");
  }
}
