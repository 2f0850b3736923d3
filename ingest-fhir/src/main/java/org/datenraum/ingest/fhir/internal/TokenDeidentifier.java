package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * De-identifies a resource from its parser tokens into its stored JSON as they pass, by the same
 * element rules as {@link Deidentifier} ({@link ElementShapes}): a member is written when its
 * rule keeps it, walked into when its rule is a composite, rewritten when it is a reference, and
 * skipped otherwise; array elements that are neither objects nor null are skipped. Numbers are
 * written as the tree-based mapping writes them (integers as integers, decimals as doubles). A
 * kept primitive holding an object, or an array holding containers, ends streaming for the
 * resource ({@link StreamFallback}).
 */
final class TokenDeidentifier implements TokenSink.Scalar {

  private final JsonParser p;
  private final JsonBytes g;
  private final UnaryOperator<String> references;
  private final MemberNames.Stack names;
  private final JsonLine line;
  private final DecodedStrings strings;
  /** The encoded name of the member being written, when it is a declared one. */
  private byte[] key;
  /** The scalar token handed to the sinks, and its text once read. */
  private JsonToken token;
  private String text;
  /** Where the bytes of the last verbatim string are in the line; length -1 when not verbatim. */
  private int plainStart;
  private int plainLength = -1;

  /**
   * @param line  the line the parser reads (its strings are copied from it where that writes
   *              the same bytes as decoding and encoding them)
   * @param names the member-name lists to reuse, one per depth (cleared here)
   * @param strings decodes the strings of the line that a sink or reference needs
   */
  TokenDeidentifier(JsonParser p, JsonBytes g, UnaryOperator<String> references,
      JsonLine line, MemberNames.Stack names, DecodedStrings strings) {
    this.p = p;
    this.g = g;
    this.references = references;
    this.line = line;
    this.names = names;
    this.strings = strings;
    names.clear();
  }

  JsonBytes generator() {
    return g;
  }

  /** The names of the members of the outermost object, for its walker. */
  MemberNames top() {
    return names.enter();
  }

  /** The members of an object whose start the parser has read and the generator has written. */
  void object(ElementShapes.Shape shape, TokenSink sink) throws IOException {
    MemberNames seen = names.enter();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      member(seen.add(name, shape), name, p.nextToken(), shape, sink);
    }
    names.leave();
    g.endObject();
  }

  /**
   * One member whose value token the parser has just read.
   *
   * @param declared the shape's child of this name ({@link MemberNames#add}), null for another name
   */
  void member(ElementShapes.Child declared, String name, JsonToken v, ElementShapes.Shape shape,
      TokenSink sink) throws IOException {
    key = declared == null ? null : declared.name();
    Object rule = declared == null ? shape.rule(name) : declared.rule();
    if (rule == ElementShapes.Action.KEEP) {
      keep(name, v, sink);
    } else if (rule instanceof ElementShapes.Shape child
        && (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY)) {
      fieldName(name);
      sink.member(name);
      if (v == JsonToken.START_OBJECT) {
        nested(name, false, child, sink);
      } else {
        array(name, child, sink);
      }
    } else if (rule == ElementShapes.Action.REFERENCE && v == JsonToken.VALUE_STRING) {
      String original = stringText();
      sink.originalReference(original);
      String replaced = references.apply(original);
      if (replaced != null) {
        fieldName(name);
        g.string(replaced);
        sink.member(name);
        token = JsonToken.VALUE_STRING;
        text = replaced;
        sink.scalar(name, JsonToken.VALUE_STRING, this);
      }
    } else {
      if (rule == ElementShapes.Action.REFERENCE) {
        sink.originalReference(null);
      }
      p.skipChildren();
    }
  }

  /** Writes the member's name: encoded once for declared names, as given for others. */
  private void fieldName(String name) throws IOException {
    if (key != null) {
      g.fieldName(key);
    } else {
      g.fieldName(name);
    }
  }

  private void nested(String name, boolean inArray, ElementShapes.Shape shape, TokenSink sink)
      throws IOException {
    g.startObject();
    if (sink == TokenSink.NONE) {
      object(shape, sink);
      return;
    }
    TokenSink child = sink.open(name, inArray);
    object(shape, child);
    child.close();
  }

  private void array(String name, ElementShapes.Shape shape, TokenSink sink) throws IOException {
    g.startArray();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        nested(name, true, shape, sink);
      } else if (t == JsonToken.VALUE_NULL) {
        g.nul();
      } else {
        p.skipChildren();
      }
    }
    g.endArray();
  }

  private void keep(String name, JsonToken v, TokenSink sink) throws IOException {
    if (v == JsonToken.START_OBJECT) {
      throw StreamFallback.shape();
    }
    fieldName(name);
    sink.member(name);
    if (v != JsonToken.START_ARRAY) {
      scalar(v);
      token = v;
      text = null;
      sink.scalar(name, v, this);
      return;
    }
    sink.keptArray(name);
    g.startArray();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t.isStructStart()) {
        throw StreamFallback.shape();
      }
      scalar(t);
    }
    g.endArray();
  }

  /** Writes the scalar at the parser as the tree-based mapping writes the node it parses. */
  private void scalar(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING -> string();
      case VALUE_NUMBER_INT -> {
        switch (p.getNumberType()) {
          case INT -> g.number(p.getIntValue());
          case LONG -> g.number(p.getLongValue());
          default -> g.number(p.getBigIntegerValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> g.number(p.getDoubleValue());
      case VALUE_TRUE -> g.bool(true);
      case VALUE_FALSE -> g.bool(false);
      case VALUE_NULL -> g.nul();
      default -> throw StreamFallback.shape();
    }
  }

  /**
   * Writes the string at the parser: a verbatim one (see {@link VerbatimStrings#end}) as its bytes
   * in the line, since decoding and encoding it again would write the very same bytes; others
   * through the parser's characters, escaped as Jackson's generator escapes every string.
   */
  private void string() throws IOException {
    if (plain()) {
      g.rawString(line.bytes(), plainStart, plainLength);
    } else {
      g.string(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }
  }

  /**
   * Whether the string token at the parser is verbatim (see {@link VerbatimStrings#end}); if so,
   * where its bytes are in the line ({@link #plainStart}, {@link #plainLength}).
   */
  private boolean plain() {
    long quote = p.currentTokenLocation().getByteOffset();
    byte[] b = line.bytes();
    int start = line.offset() + (int) quote;
    plainLength = -1;
    if (quote >= 0 && quote < line.length() && b[start] == '"') {
      int end = VerbatimStrings.end(b, start + 1, line.offset() + line.length());
      if (end >= 0) {
        plainStart = start + 1;
        plainLength = end - plainStart;
      }
    }
    return plainLength >= 0;
  }

  /**
   * The text of the string token at the parser: a verbatim one decoded from its bytes in the
   * line (the parser then skips it instead of decoding it), others decoded by the parser.
   */
  String stringText() throws IOException {
    return plain() ? plainText() : p.getText();
  }

  /**
   * The pseudonymous id of a resource of this type whose id is the string token at the parser;
   * null when the id is blank. A verbatim id of ASCII characters is pseudonymised from its bytes
   * in the line (not decoded first).
   */
  String pseudonymousId(String type, Pseudonyms pseudonyms) throws IOException {
    if (plain()) {
      byte[] b = line.bytes();
      int end = plainStart + plainLength;
      boolean ascii = true;
      boolean blank = true;
      for (int i = plainStart; i < end && ascii; i++) {
        ascii = b[i] >= 0;
        blank &= b[i] == ' ';
      }
      if (ascii) {
        return blank ? null : pseudonyms.id(type, b, plainStart, plainLength);
      }
    }
    String id = plainLength >= 0 ? plainText() : p.getText();
    return id.isBlank() ? null : pseudonyms.id(type, id);
  }

  /** The verbatim string found last, decoded from its UTF-8 bytes. */
  private String plainText() {
    return strings.decode(line.bytes(), plainStart, plainLength);
  }

  @Override
  public String text() {
    if (text == null && token != null) {
      try {
        text = token != JsonToken.VALUE_STRING ? token.asString()
            : plainLength >= 0 ? plainText() : p.getText();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return text;
  }

  @Override
  public String textOnce() {
    if (text == null && token == JsonToken.VALUE_STRING && plainLength >= 0) {
      text = new String(line.bytes(), plainStart, plainLength, StandardCharsets.UTF_8);
    }
    return text();
  }

  @Override
  public double number() {
    try {
      return token != null && token.isNumeric() ? p.getDoubleValue() : 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
