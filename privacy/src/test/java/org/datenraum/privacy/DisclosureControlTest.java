package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

  private final DisclosurePolicy policy = DisclosurePolicy.defaults();
  private final CellKey keys = CellKey.of(secret(1));

  @Test
  void theSamePatientsGetTheIdenticalAnswerInAnyOrderAndAfterARestart() {
    List<String> patients = patients("a", 137);
    OptionalLong once = DisclosureControl.of(policy, keys).release(patients);
    List<String> shuffled = new ArrayList<>(patients);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      Collections.shuffle(shuffled, new java.util.Random(r.nextLong()));
      shuffled.add(patients.get(i));
      assertThat(DisclosureControl.of(policy, CellKey.of(secret(1))).release(shuffled)).isEqualTo(once);
    }
  }

  @Test
  void otherPatientsOrAnotherSecretDrawOtherNoise() {
    DisclosureControl control = DisclosureControl.of(policy, keys);
    long sets = IntStream.range(0, 40).mapToLong(i -> control.release(patients("s" + i, 500)).getAsLong())
        .distinct().count();
    assertThat(sets).isGreaterThan(1);
    long secrets = IntStream.range(0, 40).mapToLong(i -> DisclosureControl.of(policy, CellKey.of(secret(100 + i)))
        .release(patients("x", 500)).getAsLong()).distinct().count();
    assertThat(secrets).isGreaterThan(1);
  }

  @Test
  void countsBelowTheThresholdAreNeverReleased() {
    DisclosureControl control = DisclosureControl.of(policy, keys);
    for (int c = 0; c < policy.threshold(); c++) {
      assertThat(control.release(patients("t", c))).isEmpty();
    }
    assertThat(control.release(patients("t", (int) policy.threshold()))).isPresent();
  }

  @Test
  void releasedCountsAreNonNegativeMultiplesOfTheRounding() {
    DisclosureControl control = DisclosureControl.of(policy, keys);
    for (int i = 0; i < 1000; i++) {
      long v = control.release(patients("r" + i, 10 + i % 50)).getAsLong();
      assertThat(v % 10).isZero();
      assertThat(v).isNotNegative();
    }
  }

  @Test
  void cellKeyNoiseIsLaplaceWithScaleOneOverEpsilon() {
    DisclosurePolicy unrounded = new DisclosurePolicy(0.5, 1, 0);
    DisclosureControl control = DisclosureControl.of(unrounded, keys);
    int n = 20_000;
    double sumAbs = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      List<String> set = patients("n" + i, 300);
      long d = control.release(set).getAsLong() - 300;
      sum += d;
      sumAbs += Math.abs(d);
    }
    assertThat(sum / n).isBetween(-0.1, 0.1);
    // E|X| of Laplace(0, b) is b = 2; integer rounding of the noise adds about 1/(12 b)
    assertThat(sumAbs / n).isBetween(1.9, 2.15);
  }

  @Test
  void freshNoiseFromARandomGeneratorIsLaplaceToo() {
    LaplaceObfuscator unrounded = LaplaceObfuscator.of(new DisclosurePolicy(0.5, 1, 0), new SplittableRandom(5));
    int n = 200_000;
    double sumAbs = 0;
    for (int i = 0; i < n; i++) {
      sumAbs += Math.abs(unrounded.obfuscate(10_000) - 10_000);
    }
    assertThat(sumAbs / n).isBetween(1.95, 2.10);
  }

  @Test
  void aChangedPolicyDrawsOtherNoise() {
    DisclosurePolicy other = new DisclosurePolicy(0.5, 1, 10);
    DisclosurePolicy unrounded = new DisclosurePolicy(0.5, 1, 0);
    long differ = IntStream.range(0, 40).filter(i -> DisclosureControl.of(other, keys).release(patients("p" + i, 300))
        .getAsLong() != DisclosureControl.of(unrounded, keys).release(patients("p" + i, 300)).getAsLong()).count();
    assertThat(differ).isGreaterThan(20);
  }

  @Test
  void invalidPoliciesAndShortSecretsNameTheSetting() {
    assertThatThrownBy(() -> new DisclosurePolicy(0, 10, 10)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new DisclosurePolicy(0.5, 0, 10)).hasMessageContaining("rounding");
    assertThatThrownBy(() -> new DisclosurePolicy(0.5, 10, -1)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> CellKey.of(new byte[31])).hasMessageContaining("31 bytes");
    assertThat(keys.toString()).doesNotContain("1");
  }

  static List<String> patients(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + "-" + i);
    }
    return out;
  }

  static byte[] secret(int seed) {
    byte[] b = new byte[32];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }
}
