package org.datenraum.federation.v1;

import java.util.regex.Pattern;

/** The body of a request to register a site or researcher. Immutable. */
public record NewPrincipal(String name) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public NewPrincipal {
    if (!NAME.matcher(Fields.text(name, "name")).matches()) {
      throw Fields.invalid("name", "`name` `" + name
          + "` must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
    }
  }
}
