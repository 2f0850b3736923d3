package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an API key may do. */
public enum Role {
  /** Submits requests and reads their results. */
  RESEARCHER,
  /** A site node: fetches requests for its site and answers them. */
  SITE,
  /** The network operator: registers and revokes sites and researchers. */
  ADMIN;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role ofWire(String text) {
    for (Role r : values()) {
      if (r.wire().equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("`" + text + "` is not a role: expected `researcher`, `site` or `admin`.");
  }
}
