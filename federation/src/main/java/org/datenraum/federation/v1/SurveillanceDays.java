package org.datenraum.federation.v1;

import java.time.LocalDate;

/**
 * The days of daily counts the broker holds of the calling site ({@code GET
 * /v1/node/surveillance/days}): the first and last, both null when it holds none. A node sends
 * the days after {@code last}, so a broker that lost its data (or a new one over a site's old
 * directory) receives them again. Immutable.
 *
 * @param first the first day held, or null
 * @param last  the last day held, or null
 */
public record SurveillanceDays(LocalDate first, LocalDate last) {

  public SurveillanceDays {
    if ((first == null) != (last == null)) {
      throw Fields.invalid("first", "`first` and `last` are both days or both null.");
    }
    if (first != null && first.isAfter(last)) {
      throw Fields.invalid("first", "`first` " + first + " lies after `last` " + last + ".");
    }
  }
}
