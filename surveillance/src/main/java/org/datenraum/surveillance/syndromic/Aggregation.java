package org.datenraum.surveillance.syndromic;

/** The epochs a series is evaluated in. */
public enum Aggregation {
  /** Calendar days (frequency 365). */
  DAILY,
  /** ISO weeks, Monday to Sunday, complete weeks only (frequency 52). */
  WEEKLY;

  /** Epochs per year as R's {@code sts} frequency. */
  public int frequency() {
    return this == DAILY ? 365 : 52;
  }
}
