package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
  private final Names.Stack names;
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
      JsonLine line, Names.Stack names, DecodedStrings strings) {
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
  Names top() {
    return names.enter();
  }

  /** The members of an object whose start the parser has read and the generator has written. */
  void object(ElementShapes.Shape shape, TokenSink sink) throws IOException {
    Names seen = names.enter();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      member(seen.add(name, shape), name, p.nextToken(), shape, sink);
    }
    names.leave();
    g.endObject();
  }

  /**
   * The member names of one object: a repeated name ends streaming, since the tree keeps only the
   * last value. A declared name is marked by its number (cheaper than the parser's own check or
   * comparing names), others are compared with the few others seen.
   */
  static final class Names {
    /** By name number: the {@link #generation} of the object the name was last seen in. */
    private final int[] marks = new int[ElementShapes.names()];
    private int generation;
    private String[] others = new String[4];
    private int size;

    /**
     * Lists of names by depth, reused from resource to resource by one thread: the lists of the
     * objects being walked, innermost last.
     */
    static final class Stack {
      private Names[] lists = new Names[8];
      private int depth;

      /** Forgets every list in use (a walk that ended early leaves some open). */
      void clear() {
        depth = 0;
      }

      /** An empty list for the object just entered. */
      Names enter() {
        if (depth == lists.length) {
          lists = java.util.Arrays.copyOf(lists, depth * 2);
        }
        Names n = lists[depth];
        if (n == null) {
          n = new Names();
          lists[depth] = n;
        }
        depth++;
        n.reset();
        return n;
      }

      /** The object entered last is complete. */
      void leave() {
        depth--;
      }
    }

    private void reset() {
      size = 0;
      if (++generation == 0) {
        java.util.Arrays.fill(marks, 0);
        generation = 1;
      }
    }

    /** Notes a member of an object of this shape: its declared child, or null for another name. */
    ElementShapes.Child add(String name, ElementShapes.Shape shape) {
      ElementShapes.Child declared = shape.child(name);
      if (declared != null) {
        if (marks[declared.number()] == generation) {
          throw StreamFallback.of(StreamFallback.Reason.MALFORMED);
        }
        marks[declared.number()] = generation;
        return declared;
      }
      for (int i = 0; i < size; i++) {
        if (others[i].equals(name)) {
          throw StreamFallback.of(StreamFallback.Reason.MALFORMED);
        }
      }
      if (size == others.length) {
        others = java.util.Arrays.copyOf(others, size * 2);
      }
      others[size++] = name;
      return null;
    }
  }

  /**
   * One member whose value token the parser has just read.
   *
   * @param declared the shape's child of this name ({@link Names#add}), null for another name
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

  /** Bytes of a string copied at most, far below the parser's limit of a string. */
  private static final int PLAIN_MAX = 1 << 16;

  /**
   * Writes the string at the parser: a verbatim one (see {@link #verbatimEnd}) as its bytes in
   * the line, since decoding and encoding it again would write the very same bytes; others
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
   * Whether the string token at the parser is verbatim (see {@link #verbatimEnd}); if so, where
   * its bytes are in the line ({@link #plainStart}, {@link #plainLength}).
   */
  private boolean plain() {
    long quote = p.currentTokenLocation().getByteOffset();
    byte[] b = line.bytes();
    int start = line.offset() + (int) quote;
    plainLength = -1;
    if (quote >= 0 && quote < line.length() && b[start] == '"') {
      int end = verbatimEnd(b, start + 1, line.offset() + line.length());
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

  /** The verbatim string found last, decoded from its UTF-8 bytes. */
  private String plainText() {
    return strings.decode(line.bytes(), plainStart, plainLength);
  }

  /**
   * The closing quote of a string whose bytes start at {@code from}, if it is verbatim: fewer
   * than {@link #PLAIN_MAX} bytes, each printable ASCII other than a backslash, or part of a
   * well-formed UTF-8 sequence of two or three bytes that is not a surrogate (a character
   * Jackson's generator writes as these same bytes, unescaped); else -1. A string with an
   * escape, a control or delete character, a character beyond the Basic Multilingual Plane (the
   * generator escapes its surrogates) or ill-formed UTF-8 is left to the parser.
   */
  static int verbatimEnd(byte[] b, int from, int limit) {
    int end = (int) Math.min(limit, (long) from + PLAIN_MAX);
    int i = from;
    while (true) {
      while (i + Long.BYTES <= end && !special((long) LONGS.get(b, i))) {
        i += Long.BYTES;
      }
      if (i >= end) {
        return -1;
      }
      int c = b[i] & 0xFF;
      if (c == '"') {
        return i;
      }
      if (c < 0x80) {
        if (c < 0x20 || c == '\\' || c == 0x7F) {
          return -1;
        }
        i++;
      } else {
        int n = sequence(b, i, end);
        if (n < 0) {
          return -1;
        }
        i += n;
      }
    }
  }

  /**
   * The length of the UTF-8 sequence at {@code i} if it is a well-formed one of two or three bytes
   * for a character that is not a surrogate (so neither overlong nor beyond the BMP); else -1.
   */
  static int sequence(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      return i + 1 < end && continuation(b[i + 1], 0x80, 0xBF) ? 2 : -1;
    }
    if (c < 0xE0 || c > 0xEF || i + 2 >= end) {
      return -1;
    }
    int low = c == 0xE0 ? 0xA0 : 0x80;
    int high = c == 0xED ? 0x9F : 0xBF;
    return continuation(b[i + 1], low, high) && continuation(b[i + 2], 0x80, 0xBF) ? 3 : -1;
  }

  private static boolean continuation(byte b, int low, int high) {
    int x = b & 0xFF;
    return x >= low && x <= high;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * Whether any of eight bytes may end a plain string or make it not plain: a quote, a
   * backslash, a control or delete character, or a byte of a multi-byte character. Never false
   * when one of them is there (it may be true when none is; the caller then looks byte by byte).
   */
  private static boolean special(long x) {
    long below = (x - ONES * 0x20) & ~x;
    return ((x | below | zero(x ^ (ONES * '"')) | zero(x ^ (ONES * '\\'))
        | zero(x ^ (ONES * 0x7F))) & HIGH) != 0;
  }

  /** High bit set in some byte where {@code x} has a zero byte (and only if it has one). */
  private static long zero(long x) {
    return (x - ONES) & ~x;
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
  public double number() {
    try {
      return token != null && token.isNumeric() ? p.getDoubleValue() : 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
