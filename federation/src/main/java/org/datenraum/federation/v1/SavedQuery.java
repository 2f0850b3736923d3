package org.datenraum.federation.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A saved query as its researcher reads it back; only its owner sees it. Immutable. */
public record SavedQuery(String id, String title, String comment, JsonNode query, Instant created) {

  public SavedQuery {
    Fields.text(id, "id");
    Fields.text(title, "title");
    comment = comment == null ? "" : comment;
    Fields.required(query, "query");
    Fields.required(created, "created");
  }
}
