package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The clinically relevant time of a resource element: a start and an end, either may be null.
 * Immutable.
 */
public record TimeSpan(Instant start, Instant end) {

  public static final TimeSpan NONE = new TimeSpan(null, null);

  /** Thrown for a time value that is not a FHIR date, dateTime or instant. */
  public static final class BadTime extends Exception {
    private final String element;
    private final String value;

    BadTime(String element, String value) {
      super(null, null, false, false);
      this.element = element;
      this.value = value;
    }

    public String element() {
      return element;
    }

    public String value() {
      return value;
    }
  }

  /** Whether neither start nor end is known. */
  public boolean isEmpty() {
    return start == null && end == null;
  }

  /**
   * Reads {@code prefix}DateTime, {@code prefix}Period, {@code prefix}Instant or a plain
   * {@code prefix} (date, dateTime, instant or Period), whichever the node has.
   */
  public static TimeSpan of(JsonNode node, String prefix) throws BadTime {
    JsonNode v = node.get(prefix + "DateTime");
    if (v == null) {
      v = node.get(prefix + "Instant");
    }
    if (v != null) {
      return point(prefix + "DateTime", v.asText());
    }
    JsonNode p = node.get(prefix + "Period");
    if (p == null && node.get(prefix) != null && node.get(prefix).isObject()) {
      p = node.get(prefix);
    }
    if (p != null) {
      return period(prefix + "Period", p);
    }
    JsonNode plain = node.get(prefix);
    if (plain != null && plain.isTextual()) {
      return point(prefix, plain.asText());
    }
    return NONE;
  }

  /** The first non-empty span of the given prefixes. */
  public static TimeSpan first(JsonNode node, String... prefixes) throws BadTime {
    for (String prefix : prefixes) {
      TimeSpan t = of(node, prefix);
      if (!t.isEmpty()) {
        return t;
      }
    }
    return NONE;
  }

  static TimeSpan point(String element, String value) throws BadTime {
    try {
      return FhirDates.span(value);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new BadTime(element, value);
    }
  }

  static TimeSpan period(String element, JsonNode period) throws BadTime {
    return period(element, period.path("start").asText(null), period.path("end").asText(null));
  }

  /** A Period of the given start and end as written (either may be null). */
  static TimeSpan period(String element, String s, String e) throws BadTime {
    try {
      return new TimeSpan(s == null ? null : FhirDates.start(s), e == null ? null : FhirDates.end(e));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
      throw new BadTime(element, s != null ? s + " .. " + e : e);
    }
  }
}
