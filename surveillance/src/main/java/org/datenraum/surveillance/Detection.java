package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of running one method over the monitored range of one series. Immutable.
 *
 * @param series name of the series
 * @param method method name, for example {@code farrington-flexible}
 * @param weeks one entry per monitored epoch, in epoch order
 */
public record Detection(String series, String method, List<WeekResult> weeks) {

  public Detection {
    requireNonNull(series, "series");
    requireNonNull(method, "method");
    weeks = List.copyOf(weeks);
  }
}
