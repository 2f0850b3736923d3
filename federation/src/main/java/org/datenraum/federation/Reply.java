package org.datenraum.federation;

import java.time.Duration;
import java.util.Optional;
import org.datenraum.federation.v1.ProblemDocument;

/**
 * The broker's answer to one call: a value on success, else its problem document (and, for 429,
 * how long to wait). Immutable.
 *
 * @param <T> the type of the value
 */
public record Reply<T>(int status, T value, ProblemDocument problem, Duration retryAfter) {

  public boolean isOk() {
    return status / 100 == 2;
  }

  /** The value; throws with the problem's text if the call failed. */
  public T orThrow() {
    if (!isOk()) {
      throw new IllegalStateException(problem == null ? "HTTP " + status : problem.text());
    }
    return value;
  }

  public Optional<Duration> waitHint() {
    return Optional.ofNullable(retryAfter);
  }
}
