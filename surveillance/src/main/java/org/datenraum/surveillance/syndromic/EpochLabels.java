package org.datenraum.surveillance.syndromic;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Labels of epochs: ISO week {@code YYYY-Www} or ISO date. */
public final class EpochLabels {

  private EpochLabels() {}

  public static String label(LocalDate start, Aggregation aggregation) {
    if (aggregation == Aggregation.DAILY) {
      return start.toString();
    }
    return String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
