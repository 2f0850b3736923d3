package org.datenraum.surveillance;

/** Whether a week signals, as R's logical {@code alarm}: TRUE, FALSE or NA. */
public enum Alarm {
  RAISED,
  NONE,
  UNDETERMINED;

  static Alarm of(boolean raised) {
    return raised ? RAISED : NONE;
  }
}
