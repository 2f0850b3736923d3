package org.datenraum.privacy;

import java.util.OptionalLong;

/**
 * The noisy answers a site has released, per (query fingerprint, true count), so the same question
 * on the same data gets the same answer and repeating it teaches nothing. Implementations are
 * thread-safe.
 */
public interface NoisyAnswers {

  /** The answer released earlier for this key and true count, if any. */
  OptionalLong find(String key, long trueCount);

  /** Records a released answer; must be durable before the answer leaves the site. */
  void remember(String key, long trueCount, long released);

  /** An in-memory store, for tests and for sites that accept fresh noise after a restart. */
  static NoisyAnswers inMemory() {
    return new InMemoryNoisyAnswers();
  }
}
