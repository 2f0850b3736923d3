package org.datenraum.query.ccdl;

import static java.util.Objects.requireNonNull;

/** A filter on one attribute of the criterion's resource, named by its attribute code. Immutable. */
public record AttributeFilter(TermCode attributeCode, Filter filter) {

  public AttributeFilter {
    requireNonNull(attributeCode, "attributeCode");
    requireNonNull(filter, "filter");
  }
}
