package org.datenraum.web.kit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the pages show them: to the minute, in the server's time zone. */
public final class Dates {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  private Dates() {}

  public static String minute(Instant t) {
    return t == null ? "" : MINUTE.format(t);
  }

  public static String second(Instant t) {
    return t == null ? "" : SECOND.format(t);
  }
}
