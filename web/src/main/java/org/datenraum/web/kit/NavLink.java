package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

/** An entry of the navigation: its path and the message key of its label. Immutable. */
public record NavLink(String path, String labelKey) {

  public NavLink {
    requireNonNull(path, "path");
    requireNonNull(labelKey, "labelKey");
  }
}
