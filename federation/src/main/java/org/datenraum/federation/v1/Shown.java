package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A merged count as the researcher sees it: a number, or a text such as {@code "< 20"} when the
 * network's rules hide it. Immutable.
 */
public record Shown(Long value, String text) {

  public Shown {
    if ((value == null) == (text == null)) {
      throw new IllegalArgumentException("a shown count is either a number or a text.");
    }
  }

  public static Shown number(long value) {
    return new Shown(value, null);
  }

  public static Shown hidden(String text) {
    return new Shown(null, text);
  }

  @JsonValue
  public Object json() {
    return value != null ? value : text;
  }

  @JsonCreator
  public static Shown fromJson(JsonNode node) {
    return node.isIntegralNumber() ? number(node.longValue()) : hidden(node.asText());
  }

  @Override
  public String toString() {
    return value != null ? Long.toString(value) : text;
  }
}
