package org.datenraum.ingest.dicom.internal;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.List;

/**
 * One data element as read: its value representation, its value bytes (null when the value was
 * skipped for its size) and, for a sequence, its items. Immutable (the bytes are owned).
 *
 * @param vr        the two-letter value representation
 * @param bytes     the value as stored, or null when skipped
 * @param items     the items of a sequence, else empty
 * @param bigEndian whether numbers in {@code bytes} are big endian
 */
public record DicomElement(String vr, byte[] bytes, List<DicomObject> items, boolean bigEndian) {

  public DicomElement {
    requireNonNull(vr, "vr");
    items = List.copyOf(items);
  }

  /** The value as text, trimmed of padding (spaces and NUL), with backslashes kept. */
  public String text(Charset charset) {
    if (bytes == null) {
      return null;
    }
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
      end--;
    }
    int start = 0;
    while (start < end && bytes[start] == ' ') {
      start++;
    }
    return new String(bytes, start, end - start, charset);
  }

  /** The first number of a binary (US, SS, UL, SL, FL, FD) or decimal-string value, or null. */
  public Double number(Charset charset) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    return switch (vr) {
      case "US" -> bytes.length >= 2 ? (double) (b.getShort() & 0xFFFF) : null;
      case "SS" -> bytes.length >= 2 ? (double) b.getShort() : null;
      case "UL" -> bytes.length >= 4 ? (double) (b.getInt() & 0xFFFFFFFFL) : null;
      case "SL" -> bytes.length >= 4 ? (double) b.getInt() : null;
      case "FL" -> bytes.length >= 4 ? (double) b.getFloat() : null;
      case "FD" -> bytes.length >= 8 ? b.getDouble() : null;
      default -> decimal(text(charset));
    };
  }

  private static Double decimal(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String first = text.split("\\\\", -1)[0].trim();
    try {
      double d = Double.parseDouble(first);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "DicomElement[" + vr + "]";
  }
}
