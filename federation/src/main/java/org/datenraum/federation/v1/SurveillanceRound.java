package org.datenraum.federation.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * What one round of the standing surveillance request asks a site, carried as the request's
 * {@code query}: the released daily counts of the days from {@code start} through {@code through}
 * that the site has not sent yet. Immutable.
 *
 * @param start   the network's first day
 * @param through the last day wanted (usually yesterday in the network's zone)
 */
public record SurveillanceRound(LocalDate start, LocalDate through) {

  public SurveillanceRound {
    Fields.required(start, "start");
    Fields.required(through, "through");
  }

  /** The round as the JSON object of a request's {@code query}. */
  public JsonNode toQuery() {
    return WireJson.mapper().valueToTree(this);
  }

  /** The round in a request's {@code query}. */
  public static SurveillanceRound of(JsonNode query) {
    try {
      return WireJson.read(WireJson.mapper().writeValueAsString(query), SurveillanceRound.class);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("$.query", "The query of a surveillance round is not JSON: " + e.getMessage());
    }
  }
}
