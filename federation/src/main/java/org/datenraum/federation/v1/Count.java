package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A count as a site releases it: a protected number, or {@code "suppressed"} when the true count
 * was below the site's threshold (then no number leaves the site). Immutable.
 *
 * @param value the released number, or null when suppressed
 */
public record Count(Long value) {

  public static final String SUPPRESSED = "suppressed";
  /**
   * The largest count a site may release: ten times Germany's population, so that the sum of every
   * site's counts cannot overflow.
   */
  public static final long MAX = 1_000_000_000L;

  public Count {
    if (value != null && (value < 0 || value > MAX)) {
      throw new IllegalArgumentException("a count must be a whole number from 0 to " + MAX + ", got " + value + ".");
    }
  }

  public static Count of(long value) {
    return new Count(value);
  }

  public static Count suppressed() {
    return new Count(null);
  }

  public boolean isSuppressed() {
    return value == null;
  }

  @JsonValue
  public Object json() {
    return value == null ? SUPPRESSED : value;
  }

  @JsonCreator
  public static Count fromJson(JsonNode node) {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new IllegalArgumentException("a count must be a whole number from 0 to " + MAX + ", got " + node + ".");
      }
      return new Count(node.longValue());
    }
    if (node.isTextual() && node.asText().equals(SUPPRESSED)) {
      return suppressed();
    }
    throw new IllegalArgumentException("a count must be a whole number or \"suppressed\", got " + node + ".");
  }
}
