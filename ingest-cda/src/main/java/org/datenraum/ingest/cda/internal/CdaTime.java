package org.datenraum.ingest.cda.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v3 TS values ({@code YYYYMMDDHHMMSS.UUUU+ZZZZ}, any precision from the year): the start of
 * the span they name. A value without an offset is read as written, in UTC, as the FHIR ingest
 * reads a dateTime without offset. Stateless.
 */
public final class CdaTime {

  private static final Pattern TS = Pattern.compile(
      "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

  private CdaTime() {}

  /** The instant the value starts at, or null when it is no TS value. */
  public static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = TS.matcher(value);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), num(m.group(2), 1),
          num(m.group(3), 1), num(m.group(4), 0), num(m.group(5), 0), num(m.group(6), 0));
      ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC
          : ZoneOffset.ofHoursMinutes(Integer.parseInt(m.group(8).substring(0, 3)),
              Integer.parseInt(m.group(8).charAt(0) + m.group(8).substring(3)));
      return t.toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static int num(String s, int absent) {
    return s == null ? absent : Integer.parseInt(s);
  }
}
