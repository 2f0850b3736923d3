package org.datenraum.federation.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a {@code report} request asks every site, carried as the request's {@code query}: one of
 * the registry reports a site produces (e.g. {@code emergency}), with the report's parameters
 * (e.g. {@code month} = {@code 2026-11}). A site answers with the report's cells, each passed
 * through its disclosure control. Immutable.
 *
 * @param report     the report's name: lower-case letters, digits and hyphens, at most 40
 * @param parameters at most {@value #MAX_PARAMETERS} parameters; names as report names, values of at
 *                   most {@value #MAX_VALUE} printable characters
 */
public record ReportQuery(String report, Map<String, String> parameters) {

  public static final int MAX_PARAMETERS = 16;
  public static final int MAX_VALUE = 100;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Pattern VALUE = Pattern.compile("[\\p{Alnum} ._:+/-]*");

  public ReportQuery {
    if (!NAME.matcher(Fields.text(report, "report")).matches()) {
      throw Fields.invalid("report", "Report `" + Echo.of(report) + "` is not a report name: expected lower-case"
          + " letters, digits and hyphens, such as `emergency`.");
    }
    Map<String, String> copy = new TreeMap<>();
    if (parameters != null) {
      if (parameters.size() > MAX_PARAMETERS) {
        throw Fields.invalid("parameters", "A report takes at most " + MAX_PARAMETERS + " parameters, not "
            + parameters.size() + ".");
      }
      parameters.forEach((k, v) -> copy.put(name(k), value(k, v)));
    }
    parameters = java.util.Collections.unmodifiableMap(copy);
  }

  /** The report without parameters. */
  public static ReportQuery of(String report) {
    return new ReportQuery(report, Map.of());
  }

  /** The query as the JSON object of a request's {@code query}. */
  public JsonNode toQuery() {
    return WireJson.mapper().valueToTree(this);
  }

  /** The report query in a request's {@code query}, checked as the constructor checks it. */
  public static ReportQuery of(JsonNode query) {
    try {
      return WireJson.read(WireJson.mapper().writeValueAsString(query), ReportQuery.class);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("$.query", "The query of a report request is not JSON: " + e.getMessage());
    }
  }

  private static String name(String key) {
    if (key == null || !NAME.matcher(key).matches()) {
      throw Fields.invalid("parameters", "Parameter `" + Echo.of(key) + "` is not a parameter name: expected"
          + " lower-case letters, digits and hyphens, such as `month`.");
    }
    return key;
  }

  private static String value(String key, String value) {
    if (value == null || value.length() > MAX_VALUE || !VALUE.matcher(value).matches()) {
      throw Fields.invalid("parameters." + key, "The value of parameter `" + key + "` must be at most " + MAX_VALUE
          + " letters, digits, spaces or `._:+/-`.");
    }
    return value;
  }
}
