package org.datenraum.federation.v1;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A query a researcher keeps for later: a title, a comment and the CCDL. Immutable.
 *
 * @param title   1 to 200 characters
 * @param comment up to 2,000 characters, may be empty
 * @param query   the CCDL JSON object
 */
public record NewSavedQuery(String title, String comment, JsonNode query) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_COMMENT = 2000;

  public NewSavedQuery {
    title = Fields.text(title, "title").strip();
    if (title.length() > MAX_TITLE) {
      throw Fields.invalid("title", "`title` has " + title.length() + " characters: keep it to " + MAX_TITLE + ".");
    }
    comment = comment == null ? "" : comment.strip();
    if (comment.length() > MAX_COMMENT) {
      throw Fields.invalid("comment", "`comment` has " + comment.length() + " characters: keep it to " + MAX_COMMENT
          + ".");
    }
    if (Fields.required(query, "query").isNull() || !query.isObject()) {
      throw Fields.invalid("query", "`query` must be a CCDL JSON object.");
    }
  }
}
