package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

  private final DisclosurePolicy policy = DisclosurePolicy.defaults();

  @Test
  void aRepeatedQuestionGetsTheIdenticalNoisyAnswer() {
    NoisyAnswers answers = NoisyAnswers.inMemory();
    DisclosureControl first = DisclosureControl.of(policy, new SplittableRandom(1), answers);
    OptionalLong once = first.release("q1", 137);
    for (int i = 0; i < 50; i++) {
      assertThat(first.release("q1", 137)).isEqualTo(once);
    }
    DisclosureControl restarted = DisclosureControl.of(policy, new SplittableRandom(99), answers);
    assertThat(restarted.release("q1", 137)).isEqualTo(once);
  }

  @Test
  void differentQuestionsOrCountsDrawFreshNoise() {
    DisclosureControl control = DisclosureControl.of(policy, new SplittableRandom(2), NoisyAnswers.inMemory());
    long distinct = java.util.stream.IntStream.range(0, 40)
        .mapToLong(i -> control.release("q" + i, 500).getAsLong()).distinct().count();
    assertThat(distinct).isGreaterThan(1);
  }

  @Test
  void countsBelowTheThresholdAreNeverReleased() {
    DisclosureControl control = DisclosureControl.of(policy, new SplittableRandom(3), NoisyAnswers.inMemory());
    for (long c = 0; c < policy.threshold(); c++) {
      assertThat(control.release("q", c)).isEmpty();
    }
    assertThat(control.release("q", policy.threshold())).isPresent();
  }

  @Test
  void releasedCountsAreNonNegativeMultiplesOfTheRounding() {
    DisclosureControl control = DisclosureControl.of(policy, new SplittableRandom(4), NoisyAnswers.inMemory());
    for (int i = 0; i < 1000; i++) {
      long v = control.release("q" + i, 10 + i % 50).getAsLong();
      assertThat(v % 10).isZero();
      assertThat(v).isNotNegative();
    }
  }

  @Test
  void noiseIsLaplaceWithScaleOneOverEpsilon() {
    LaplaceObfuscator unrounded = LaplaceObfuscator.of(new DisclosurePolicy(0.5, 1, 0), new SplittableRandom(5));
    int n = 200_000;
    double sumAbs = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      long d = unrounded.obfuscate(10_000) - 10_000;
      sum += d;
      sumAbs += Math.abs(d);
    }
    assertThat(sum / n).isBetween(-0.05, 0.05);
    // E|X| of Laplace(0, b) is b = 2; integer rounding of the noise adds about 1/(12 b)
    assertThat(sumAbs / n).isBetween(1.95, 2.10);
  }

  @Test
  void aChangedPolicyDrawsFreshNoiseInsteadOfReusingTheOldAnswer() {
    NoisyAnswers answers = NoisyAnswers.inMemory();
    answers.remember(policy.describe() + "|q", 300, 12340);
    assertThat(DisclosureControl.of(policy, new SplittableRandom(6), answers).release("q", 300)).hasValue(12340);
    DisclosurePolicy other = new DisclosurePolicy(1.0, 10, 10);
    assertThat(DisclosureControl.of(other, new SplittableRandom(6), answers).release("q", 300).getAsLong())
        .isBetween(250L, 350L);
  }

  @Test
  void invalidPoliciesNameTheSetting() {
    assertThatThrownBy(() -> new DisclosurePolicy(0, 10, 10)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new DisclosurePolicy(0.5, 0, 10)).hasMessageContaining("rounding");
    assertThatThrownBy(() -> new DisclosurePolicy(0.5, 10, -1)).hasMessageContaining("threshold");
  }
}
