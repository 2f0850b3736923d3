package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/**
 * Adds Laplace noise of sensitivity 1 to a count and rounds the result to the policy's multiple,
 * never below zero. The noise is drawn from a uniform number: a cell key (see {@link CellKey}) at
 * the site, a random generator in simulations. Thread-safe when the random generator is (calls
 * are synchronized).
 */
public final class LaplaceObfuscator {

  private final DisclosurePolicy policy;
  private final RandomGenerator random;

  private LaplaceObfuscator(DisclosurePolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** @param random the source of fresh noise for every call */
  public static LaplaceObfuscator of(DisclosurePolicy policy, RandomGenerator random) {
    return new LaplaceObfuscator(requireNonNull(policy, "policy"), requireNonNull(random, "random"));
  }

  /** A fresh noisy, rounded count. */
  public synchronized long obfuscate(long trueCount) {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0);
    return obfuscate(policy, trueCount, u);
  }

  /**
   * The noisy, rounded count for the uniform number {@code u} in (0, 1): inverse-CDF sampling,
   * x = -b sgn(u - 1/2) ln(1 - 2|u - 1/2|) with b = 1 / epsilon.
   */
  public static long obfuscate(DisclosurePolicy policy, long trueCount, double u) {
    if (!(u > 0 && u < 1)) {
      throw new IllegalArgumentException("u `" + u + "` must lie strictly between 0 and 1.");
    }
    double c = u - 0.5;
    double noise = -(1.0 / policy.epsilon()) * Math.signum(c) * Math.log(1 - 2 * Math.abs(c));
    long step = policy.rounding();
    long rounded = Math.round((trueCount + noise) / step) * step;
    return Math.max(0, rounded);
  }
}
