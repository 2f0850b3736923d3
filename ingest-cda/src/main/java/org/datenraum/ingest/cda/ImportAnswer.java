package org.datenraum.ingest.cda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the receiver answers for one document, as AKTIN's server answers it over HTTP: 201 with a
 * location for a new encounter, 200 for an update of a stored one, 422 for a refused document,
 * 409 for a document that would move an encounter to another patient, 413 for a document over
 * the size limit. Immutable.
 *
 * @param status   the HTTP status
 * @param location the stored encounter's location (201 and 200), else null
 * @param issues   the problems (empty for 201 and 200)
 */
public record ImportAnswer(int status, String location, List<CdaIssue> issues) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The answers of a stored document, the same every time. */
  private static final String STORED = outcome(201, List.of());
  private static final String UPDATED = outcome(200, List.of());

  public ImportAnswer {
    issues = List.copyOf(requireNonNull(issues, "issues"));
  }

  /** Whether the document was stored (201 or 200). */
  public boolean stored() {
    return status == 201 || status == 200;
  }

  /** The answer's body: a FHIR OperationOutcome with one issue per problem. */
  public String operationOutcome() {
    if (issues.isEmpty() && (status == 201 || status == 200)) {
      return status == 201 ? STORED : UPDATED;
    }
    return outcome(status, issues);
  }

  private static String outcome(int status, List<CdaIssue> issues) {
    ObjectNode o = JSON.createObjectNode();
    o.put("resourceType", "OperationOutcome");
    ArrayNode list = o.putArray("issue");
    if (issues.isEmpty()) {
      ObjectNode i = list.addObject();
      i.put("severity", "information");
      i.put("code", "informational");
      i.put("diagnostics", status == 201 ? "The encounter was stored." : "The encounter was updated.");
    }
    for (CdaIssue issue : issues) {
      ObjectNode i = list.addObject();
      i.put("severity", "error");
      i.put("code", issue.type());
      i.putObject("details").put("text", issue.problem().code());
      i.put("diagnostics", issue.problem().text());
      i.putArray("location").add(issue.xpath());
      i.putArray("expression").add(issue.xpath());
    }
    return o.toString();
  }
}
