package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/**
 * Adds Laplace noise of sensitivity 1 to a count and rounds the result to the policy's multiple,
 * never below zero. Thread-safe when the random generator is (calls are synchronized).
 */
public final class LaplaceObfuscator {

  private final DisclosurePolicy policy;
  private final RandomGenerator random;

  private LaplaceObfuscator(DisclosurePolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** @param random the source of noise: seeded in tests, a {@code SecureRandom} in service */
  public static LaplaceObfuscator of(DisclosurePolicy policy, RandomGenerator random) {
    return new LaplaceObfuscator(requireNonNull(policy, "policy"), requireNonNull(random, "random"));
  }

  /** A fresh noisy, rounded count. */
  public synchronized long obfuscate(long trueCount) {
    double noisy = trueCount + laplace(1.0 / policy.epsilon());
    long step = policy.rounding();
    long rounded = Math.round(noisy / step) * step;
    return Math.max(0, rounded);
  }

  /** Inverse-CDF sampling: u uniform in (-1/2, 1/2), x = -b sgn(u) ln(1 - 2|u|). */
  private double laplace(double scale) {
    double u;
    do {
      u = random.nextDouble() - 0.5;
    } while (u == -0.5);
    return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
  }
}
