package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The stored JSON of a streamed resource, written into a buffer one thread reuses: the bytes
 * Jackson's generator writes (no spaces, a comma between members and elements, numbers as their
 * shortest text), without a generator per resource. Strings arrive as bytes that need no escape
 * (copied) or as characters, which Jackson's generator escapes, so every string is escaped exactly
 * as before. Not thread-safe.
 */
final class JsonBytes {

  /** Buffer bytes kept from one document to the next at most. */
  private static final int KEPT_BYTES = 1 << 20;

  private JsonFactory factory;
  private byte[] buf = new byte[1 << 14];
  private int size;
  /** Per open container, innermost last: whether it is an array, and how many entries it has. */
  private boolean[] arrays = new boolean[16];
  private int[] entries = new int[16];
  private int depth;
  /** Escapes strings that are not copied; made when first needed, dropped after a failure. */
  private JsonGenerator escaper;
  private final ByteArrayBuilder escaped = new ByteArrayBuilder(256);

  /**
   * Starts a new document (a buffer grown beyond {@value #KEPT_BYTES} bytes is let go).
   *
   * @param factory makes the generator that escapes strings as the tree-based mapping's do
   */
  void reset(JsonFactory factory) {
    if (factory != this.factory) {
      this.factory = factory;
      escaper = null;
    }
    if (buf.length > KEPT_BYTES) {
      buf = new byte[1 << 14];
    }
    size = 0;
    depth = 0;
  }

  /** The document written since {@link #reset}, copied. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void startObject() {
    open(false, (byte) '{');
  }

  void startArray() {
    open(true, (byte) '[');
  }

  void endObject() {
    close((byte) '}');
  }

  void endArray() {
    close((byte) ']');
  }

  private void open(boolean array, byte bracket) {
    value();
    put(bracket);
    if (depth == arrays.length) {
      arrays = Arrays.copyOf(arrays, depth * 2);
      entries = Arrays.copyOf(entries, depth * 2);
    }
    arrays[depth] = array;
    entries[depth] = 0;
    depth++;
  }

  private void close(byte bracket) {
    depth--;
    put(bracket);
  }

  /** Before a value: a comma when it is not the first element of an array. */
  private void value() {
    if (depth > 0 && arrays[depth - 1] && entries[depth - 1]++ > 0) {
      put((byte) ',');
    }
  }

  /** Before a member's name: a comma when it is not the object's first member. */
  private void member() {
    if (entries[depth - 1]++ > 0) {
      put((byte) ',');
    }
  }

  /** A member's name given as its bytes with the quotes, e.g. {@code "code"}: then the colon. */
  void fieldName(byte[] quoted) {
    member();
    put(quoted, 0, quoted.length);
    put((byte) ':');
  }

  /**
   * A member's name: written as is when it is printable ASCII without a quote or backslash;
   * others end streaming (the streaming reader writes only declared names and their
   * {@code _name} siblings).
   */
  void fieldName(String name) {
    if (!copiable(name)) {
      throw StreamFallback.shape();
    }
    member();
    put((byte) '"');
    ascii(name);
    put((byte) '"');
    put((byte) ':');
  }

  /** A string whose UTF-8 bytes need no escape, copied between quotes. */
  void rawString(byte[] b, int offset, int length) {
    value();
    ensure(length + 2);
    buf[size++] = '"';
    System.arraycopy(b, offset, buf, size, length);
    size += length;
    buf[size++] = '"';
  }

  /** A string: copied when printable ASCII without a quote or backslash, else escaped. */
  void string(String s) throws IOException {
    value();
    int n = s.length();
    ensure(n + 2);
    int start = size;
    buf[size++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        size = start;
        char[] chars = s.toCharArray();
        writeEscaped(chars, 0, chars.length);
        return;
      }
      buf[size++] = (byte) c;
    }
    buf[size++] = '"';
  }

  /** A string of characters, escaped and encoded as Jackson's generator writes it. */
  void string(char[] c, int offset, int length) throws IOException {
    value();
    writeEscaped(c, offset, length);
  }

  /** {@link #string(char[], int, int)} after the separator. */
  private void writeEscaped(char[] c, int offset, int length) throws IOException {
    escaped.reset();
    try {
      if (escaper == null) {
        escaper = factory.createGenerator(escaped);
        escaper.setRootValueSeparator(null);
      }
      escaper.writeString(c, offset, length);
      escaper.flush();
    } catch (IOException | RuntimeException e) {
      escaper = null;
      throw e;
    }
    byte[] b = escaped.toByteArray();
    put(b, 0, b.length);
  }

  void number(int n) {
    value();
    ascii(Integer.toString(n));
  }

  void number(long n) {
    value();
    ascii(Long.toString(n));
  }

  void number(BigInteger n) {
    value();
    ascii(n.toString());
  }

  /** A finite double as its shortest text; others end streaming (the generator quotes them). */
  void number(double d) {
    if (!Double.isFinite(d)) {
      throw StreamFallback.shape();
    }
    value();
    ascii(Double.toString(d));
  }

  void bool(boolean b) {
    value();
    ascii(b ? "true" : "false");
  }

  void nul() {
    value();
    ascii("null");
  }

  /** Whether every character is printable ASCII and neither a quote nor a backslash. */
  static boolean copiable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Characters known to be ASCII, one byte each. */
  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size + i] = (byte) s.charAt(i);
    }
    size += n;
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  private void put(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, buf, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  /** A declared member name as {@link #fieldName(byte[])} takes it. */
  static byte[] quoted(String name) {
    if (!copiable(name)) {
      throw new IllegalArgumentException("member name `" + name + "` needs escaping");
    }
    return ("\"" + name + "\"").getBytes(StandardCharsets.US_ASCII);
  }
}
