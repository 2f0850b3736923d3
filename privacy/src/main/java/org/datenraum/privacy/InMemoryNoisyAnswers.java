package org.datenraum.privacy;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Noisy answers in a map. Thread-safe. */
final class InMemoryNoisyAnswers implements NoisyAnswers {

  private final Map<String, Long> answers = new ConcurrentHashMap<>();

  @Override
  public OptionalLong find(String key, long trueCount) {
    Long v = answers.get(key + '\t' + trueCount);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public void remember(String key, long trueCount, long released) {
    answers.put(key + '\t' + trueCount, released);
  }
}
