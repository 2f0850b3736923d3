package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * De-identifies a resource from its parser tokens into a generator as they pass, by the same
 * element rules as {@link Deidentifier} ({@link ElementShapes}): a member is written when its
 * rule keeps it, walked into when its rule is a composite, rewritten when it is a reference, and
 * skipped otherwise; array elements that are neither objects nor null are skipped. Numbers are
 * written as the tree-based mapping writes them (integers as integers, decimals as doubles). A
 * kept primitive holding an object, or an array holding containers, ends streaming for the
 * resource ({@link StreamFallback}).
 */
final class TokenDeidentifier {

  private final JsonParser p;
  private final JsonGenerator g;
  private final UnaryOperator<String> references;

  TokenDeidentifier(JsonParser p, JsonGenerator g, UnaryOperator<String> references) {
    this.p = p;
    this.g = g;
    this.references = references;
  }

  /** The members of an object whose start the parser has read and the generator has written. */
  void object(ElementShapes.Shape shape, TokenSink sink) throws IOException {
    Names names = new Names();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = names.add(p.currentName());
      member(name, p.nextToken(), shape, sink);
    }
    g.writeEndObject();
  }

  /**
   * The member names of one object: a repeated name ends streaming, since the tree keeps only the
   * last value. A short list, as objects have few members (cheaper than the parser's own check).
   */
  static final class Names {
    private String[] seen = new String[8];
    private int size;

    String add(String name) {
      for (int i = 0; i < size; i++) {
        if (seen[i].equals(name)) {
          throw StreamFallback.of(StreamFallback.Reason.MALFORMED);
        }
      }
      if (size == seen.length) {
        seen = java.util.Arrays.copyOf(seen, size * 2);
      }
      seen[size++] = name;
      return name;
    }
  }

  /** One member whose value token the parser has just read. */
  void member(String name, JsonToken v, ElementShapes.Shape shape, TokenSink sink)
      throws IOException {
    Object rule = shape.rule(name);
    if (rule == ElementShapes.Action.KEEP) {
      keep(name, v, sink);
    } else if (rule instanceof ElementShapes.Shape child
        && (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY)) {
      g.writeFieldName(name);
      sink.member(name);
      if (v == JsonToken.START_OBJECT) {
        nested(name, false, child, sink);
      } else {
        array(name, child, sink);
      }
    } else if (rule == ElementShapes.Action.REFERENCE && v == JsonToken.VALUE_STRING) {
      String original = p.getText();
      sink.originalReference(original);
      String replaced = references.apply(original);
      if (replaced != null) {
        g.writeFieldName(name);
        g.writeString(replaced);
        sink.member(name);
        sink.scalar(name, JsonToken.VALUE_STRING, replaced, 0);
      }
    } else {
      if (rule == ElementShapes.Action.REFERENCE) {
        sink.originalReference(null);
      }
      p.skipChildren();
    }
  }

  private void nested(String name, boolean inArray, ElementShapes.Shape shape, TokenSink sink)
      throws IOException {
    g.writeStartObject();
    TokenSink child = sink.open(name, inArray);
    object(shape, child);
    child.close();
  }

  private void array(String name, ElementShapes.Shape shape, TokenSink sink) throws IOException {
    g.writeStartArray();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        nested(name, true, shape, sink);
      } else if (t == JsonToken.VALUE_NULL) {
        g.writeNull();
      } else {
        p.skipChildren();
      }
    }
    g.writeEndArray();
  }

  private void keep(String name, JsonToken v, TokenSink sink) throws IOException {
    if (v == JsonToken.START_OBJECT) {
      throw StreamFallback.shape();
    }
    g.writeFieldName(name);
    sink.member(name);
    if (v != JsonToken.START_ARRAY) {
      scalar(v);
      sink.scalar(name, v, v == JsonToken.VALUE_STRING ? p.getText() : v.asString(),
          v.isNumeric() ? p.getDoubleValue() : 0);
      return;
    }
    sink.keptArray(name);
    g.writeStartArray();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t.isStructStart()) {
        throw StreamFallback.shape();
      }
      scalar(t);
    }
    g.writeEndArray();
  }

  /** Writes the scalar at the parser as the tree-based mapping writes the node it parses. */
  private void scalar(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING -> g.writeString(p.getText());
      case VALUE_NUMBER_INT -> {
        switch (p.getNumberType()) {
          case INT -> g.writeNumber(p.getIntValue());
          case LONG -> g.writeNumber(p.getLongValue());
          default -> g.writeNumber(p.getBigIntegerValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDoubleValue());
      case VALUE_TRUE -> g.writeBoolean(true);
      case VALUE_FALSE -> g.writeBoolean(false);
      case VALUE_NULL -> g.writeNull();
      default -> throw StreamFallback.shape();
    }
  }
}
