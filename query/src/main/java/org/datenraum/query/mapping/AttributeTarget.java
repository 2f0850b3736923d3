package org.datenraum.query.mapping;

import static java.util.Objects.requireNonNull;

/** Where in the facts a CCDL attribute filter (or a fixed criterion) looks. Immutable. */
public sealed interface AttributeTarget {

  /** A fact attribute with this name (last segments of its element path), e.g. {@code bodySite}. */
  record Attribute(String key) implements AttributeTarget {
    public Attribute {
      requireNonNull(key, "key");
    }
  }

  /** The fact's own code. */
  record Code() implements AttributeTarget {}

  /** The fact's status. */
  record Status() implements AttributeTarget {}

  /** Another fact of the same resource whose code is the attribute code (a component). */
  record Component() implements AttributeTarget {}

  /** A reference attribute pointing to another resource of the patient. */
  record Reference() implements AttributeTarget {}

  /** Parses {@code attribute:<key>}, {@code code}, {@code status}, {@code component}, {@code reference}. */
  static AttributeTarget parse(String text) {
    if (text.startsWith("attribute:")) {
      return new Attribute(text.substring("attribute:".length()));
    }
    return switch (text) {
      case "code" -> new Code();
      case "status" -> new Status();
      case "component" -> new Component();
      case "reference" -> new Reference();
      default -> throw new IllegalArgumentException("unknown attribute target `" + text + "`");
    };
  }
}
