package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Decides what a site may release for a count: nothing when the true count is below the
 * threshold, else the noisy answer already released for the same question and count, else a fresh
 * one that is remembered first. Thread-safe.
 */
public final class DisclosureControl {

  private final DisclosurePolicy policy;
  private final LaplaceObfuscator obfuscator;
  private final NoisyAnswers answers;

  private DisclosureControl(DisclosurePolicy policy, LaplaceObfuscator obfuscator, NoisyAnswers answers) {
    this.policy = policy;
    this.obfuscator = obfuscator;
    this.answers = answers;
  }

  public static DisclosureControl of(DisclosurePolicy policy, RandomGenerator random, NoisyAnswers answers) {
    return new DisclosureControl(requireNonNull(policy, "policy"),
        LaplaceObfuscator.of(policy, random), requireNonNull(answers, "answers"));
  }

  public DisclosurePolicy policy() {
    return policy;
  }

  /**
   * The releasable value of a count, or empty when it must not leave the site.
   *
   * @param key identifies the question and the cell within its answer (query fingerprint plus,
   *            for a stratified answer, the stratum); the policy is added so a changed policy
   *            draws fresh noise
   */
  public synchronized OptionalLong release(String key, long trueCount) {
    if (trueCount < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + trueCount);
    }
    if (trueCount < policy.threshold()) {
      return OptionalLong.empty();
    }
    String cell = policy.describe() + '|' + key;
    OptionalLong earlier = answers.find(cell, trueCount);
    if (earlier.isPresent()) {
      return earlier;
    }
    long noisy = obfuscator.obfuscate(trueCount);
    answers.remember(cell, trueCount, noisy);
    return OptionalLong.of(noisy);
  }
}
