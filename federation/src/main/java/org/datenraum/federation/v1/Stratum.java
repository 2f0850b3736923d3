package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A dimension of a stratified count. */
public enum Stratum {
  /** Administrative sex. */
  SEX,
  /** Age at the query date in 10-year bands ({@code 0-9}, {@code 10-19}, ...). */
  AGE,
  /** Calendar year (UTC) of the patient's earliest fact with the request's {@code yearOf} code. */
  YEAR;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Stratum ofWire(String text) {
    for (Stratum s : values()) {
      if (s.wire().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("`" + text + "` is not a stratum: expected `sex`, `age` or `year`.");
  }
}
