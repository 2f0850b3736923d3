package org.datenraum.federation.v1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The network's standing surveillance request, set by the operator: from which day sites send
 * their daily counts, when the daily round starts, and the minimum cell size the broker applies to
 * everything it shows. Immutable.
 *
 * @param start       the first day the network collects
 * @param dailyAt     the local time ({@code HH:MM}) at which each day's round starts
 * @param zone        the time zone of {@code dailyAt} and of "yesterday" (e.g. {@code Europe/Berlin})
 * @param minimumCell the network's minimum cell size: shown counts are 0 or at least this
 */
public record StandingSurveillance(LocalDate start, String dailyAt, String zone, int minimumCell) {

  private static final Pattern HOUR_MINUTE = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  public StandingSurveillance {
    Fields.required(start, "start");
    if (!HOUR_MINUTE.matcher(Fields.text(dailyAt, "dailyAt")).matches()) {
      throw Fields.invalid("dailyAt", "`dailyAt` `" + dailyAt + "` must be a time of day as HH:MM, such as `06:00`.");
    }
    try {
      ZoneId.of(Fields.text(zone, "zone"));
    } catch (DateTimeException e) {
      throw Fields.invalid("zone", "`zone` `" + zone + "` is not a time zone: use a name such as `Europe/Berlin`.");
    }
    if (minimumCell < 1) {
      throw Fields.invalid("minimumCell", "`minimumCell` must be at least 1, got " + minimumCell + ".");
    }
  }

  /** Daily rounds at 06:00 Berlin time, minimum cell size 5. */
  public static StandingSurveillance from(LocalDate start) {
    return new StandingSurveillance(start, "06:00", "Europe/Berlin", 5);
  }

  public StandingSurveillance withMinimum(int cell) {
    return new StandingSurveillance(start, dailyAt, zone, cell);
  }

  public LocalTime time() {
    return LocalTime.parse(dailyAt);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }
}
