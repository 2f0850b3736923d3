package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

/**
 * A ventilation episode: hours {@code firstHour..lastHour} (inclusive) of a stay's grid in which
 * the status held, gaps shorter than {@value VentilationCourse#BRIDGE_HOURS} h bridged.
 * {@code reintubation}: an invasive episode that starts less than
 * {@value VentilationCourse#REINTUBATION_HOURS} h after an earlier invasive episode of the stay
 * ended. Immutable.
 */
public record Episode(VentilationStatus status, int firstHour, int lastHour, boolean reintubation) {

  public Episode {
    requireNonNull(status, "status");
    if (firstHour < 0 || lastHour < firstHour) {
      throw new IllegalArgumentException("an episode covers hours " + firstHour + ".." + lastHour);
    }
  }

  /** The episode's length in hours, bridged gaps included. */
  public int hours() {
    return lastHour - firstHour + 1;
  }
}
