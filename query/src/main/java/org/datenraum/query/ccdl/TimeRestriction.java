package org.datenraum.query.ccdl;

import java.time.LocalDate;

/**
 * The dates a criterion's time must overlap; both inclusive, either may be null but not both.
 * Immutable.
 */
public record TimeRestriction(LocalDate afterDate, LocalDate beforeDate) {

  public TimeRestriction {
    if (afterDate == null && beforeDate == null) {
      throw new IllegalArgumentException("afterDate and beforeDate are both null");
    }
    if (afterDate != null && beforeDate != null && afterDate.isAfter(beforeDate)) {
      throw new IllegalArgumentException("afterDate is after beforeDate");
    }
  }
}
