package org.datenraum.ingest.cda;

import static java.util.Objects.requireNonNull;

import org.datenraum.core.Problem;

/**
 * One problem with a document, as one OperationOutcome issue: the problem (stable code and
 * message), the FHIR issue type and where in the document it is, as an XPath. Immutable.
 *
 * @param problem the problem
 * @param type    FHIR issue type: {@code structure}, {@code invariant}, {@code code-invalid},
 *                {@code not-supported}, {@code conflict}, {@code too-costly}
 * @param xpath   location in the document, {@code /} for the whole document
 */
public record CdaIssue(Problem problem, String type, String xpath) {

  public CdaIssue {
    requireNonNull(problem, "problem");
    requireNonNull(type, "type");
    requireNonNull(xpath, "xpath");
  }

  /** An issue with a rule of the document's content. */
  public static CdaIssue invalid(String code, String type, String message, String xpath) {
    return new CdaIssue(Problem.invalid(code, message), type, xpath);
  }
}
