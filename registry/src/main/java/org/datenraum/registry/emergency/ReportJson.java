package org.datenraum.registry.emergency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The report as JSON: every number of it, tables with their rows, missing and left-out counts. Stateless. */
public final class ReportJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static String of(MonthlyEmergencyReport r, String site) {
    ObjectNode o = JSON.createObjectNode();
    o.put("report", "emergency");
    o.put("site", site);
    o.put("month", r.month().toString());
    o.set("population", JSON.valueToTree(r.population()));
    o.set("arrivals", JSON.valueToTree(r.arrivals()));
    o.set("access", JSON.valueToTree(r.access()));
    o.set("times", JSON.valueToTree(r.times()));
    o.set("outcomes", JSON.valueToTree(r.outcomes()));
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report could not be written as JSON", e);
    }
  }
}
