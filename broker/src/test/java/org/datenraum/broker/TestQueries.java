package org.datenraum.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;

/** CCDL queries for the broker's tests. */
final class TestQueries {

  static final String DIABETES = "{\"version\":\"http://to_be_decided.com/draft-2/schema#\","
      + "\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},"
      + "\"termCodes\":[{\"system\":\"http://fhir.de/CodeSystem/bfarm/icd-10-gm\",\"code\":\"E11\"}]}]]}";

  /** A feasibility count of type-2 diabetes. */
  static final Submission FEASIBILITY = Submission.feasibility(json(DIABETES));

  private TestQueries() {}

  static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
