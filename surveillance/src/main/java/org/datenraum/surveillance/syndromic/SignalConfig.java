package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How series are evaluated: the method and its R-style controls (as in {@code surveillance
 * detect}), the epochs, and the first day whose alarms count as signals. Immutable.
 *
 * @param method a method name of {@link org.datenraum.surveillance.Detectors#METHODS}
 * @param controls R-style controls; for the Farrington methods an unset {@code b} becomes the
 *     number of whole years the series allows (at most 5)
 * @param aggregation daily or weekly epochs
 * @param monitorFrom alarms of epochs starting before this day are not reported as signals
 */
public record SignalConfig(String method, Map<String, String> controls, Aggregation aggregation,
    Optional<LocalDate> monitorFrom) {

  /** The default method: farringtonFlexible on weekly counts with the package's controls. */
  public static final String DEFAULT_METHOD = "farrington-flexible";

  public SignalConfig {
    requireNonNull(method, "method");
    requireNonNull(aggregation, "aggregation");
    requireNonNull(monitorFrom, "monitorFrom");
    controls = Map.copyOf(new TreeMap<>(controls));
  }

  /**
   * The method with its natural epochs: EARS (designed for daily syndromic counts with a 7-day
   * baseline) daily, the Farrington methods and CUSUM weekly.
   */
  public static SignalConfig of(String method, Map<String, String> controls) {
    Aggregation a = method.startsWith("ears-") ? Aggregation.DAILY : Aggregation.WEEKLY;
    return new SignalConfig(method, controls, a, Optional.empty());
  }

  /** farringtonFlexible on ISO weeks with the package's default controls. */
  public static SignalConfig defaults() {
    return of(DEFAULT_METHOD, Map.of());
  }

  public SignalConfig monitoringFrom(LocalDate day) {
    return new SignalConfig(method, controls, aggregation, Optional.of(day));
  }

  public SignalConfig withAggregation(Aggregation a) {
    return new SignalConfig(method, controls, a, monitorFrom);
  }
}
