package org.datenraum.federation.v1;

/**
 * An error response in the shape of RFC 9457 problem details, plus the stable Datenraum code and
 * the offending JSON field. Immutable.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail one sentence for the person who has to fix it
 * @param code   the stable code ({@code DR-5xxx})
 * @param field  the JSON path of the offending field, or null
 */
public record ProblemDocument(String type, String title, int status, String detail, String code, String field) {

  public ProblemDocument {
    Fields.text(title, "title");
    Fields.text(detail, "detail");
    Fields.text(code, "code");
    type = type == null ? "about:blank" : type;
  }

  /** The problem as one line for a terminal. */
  public String text() {
    return code + " " + detail;
  }
}
