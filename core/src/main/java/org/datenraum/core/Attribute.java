package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/**
 * A coded qualifier of a fact, such as a condition's verification status or a specimen's body
 * site: the FHIR element name as key and a coding as value. Immutable.
 */
public record Attribute(String key, Coding value) {

  public Attribute {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }
}
