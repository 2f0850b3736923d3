package org.datenraum.surveillance;

import org.datenraum.core.Result;

/** An aberration detection method with fixed controls. Implementations are immutable and thread-safe. */
public interface Detector {

  /** The method name as used on the command line. */
  String method();

  /**
   * Runs the method over the monitored range of {@code series}; fails when the range or the
   * reference values do not fit the series.
   */
  Result<Detection> detect(CountSeries series);
}
