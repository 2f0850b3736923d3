package org.datenraum.ingest.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM Part 10 files for synthetic studies (tests, benchmarks, the demo): a data set of
 * text, binary and sequence elements in one of four transfer syntaxes. Sequences and items are
 * written with undefined length, other values with their even length. Not thread-safe.
 */
public final class DicomWriter {

  /** The transfer syntaxes it writes. */
  public enum Syntax {
    IMPLICIT_LE("1.2.840.10008.1.2", false, false, false),
    EXPLICIT_LE("1.2.840.10008.1.2.1", true, false, false),
    EXPLICIT_BE("1.2.840.10008.1.2.2", true, true, false),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", true, false, true);

    final String uid;
    final boolean explicit;
    final boolean bigEndian;
    final boolean deflated;

    Syntax(String uid, boolean explicit, boolean bigEndian, boolean deflated) {
      this.uid = uid;
      this.explicit = explicit;
      this.bigEndian = bigEndian;
      this.deflated = deflated;
    }

    public String uid() {
      return uid;
    }
  }

  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
  private final TreeMap<Integer, Object[]> elements = new TreeMap<>();

  /** Sets a text element (padded to even length as its VR requires). */
  public DicomWriter text(int tag, String vr, String value) {
    elements.put(tag, new Object[] {vr, value.getBytes(StandardCharsets.ISO_8859_1)});
    return this;
  }

  /** Sets an FD element. */
  public DicomWriter fd(int tag, double value) {
    elements.put(tag, new Object[] {"FD", value});
    return this;
  }

  /** Sets a US element. */
  public DicomWriter us(int tag, int value) {
    elements.put(tag, new Object[] {"US", value});
    return this;
  }

  /** Sets 16-bit pixel data (OW), written in the file's byte order. */
  public DicomWriter pixels(short[] values) {
    elements.put(0x7FE00010, new Object[] {"OW", values});
    return this;
  }

  /** Sets a sequence of items. */
  public DicomWriter sequence(int tag, List<DicomWriter> items) {
    elements.put(tag, new Object[] {"SQ", List.copyOf(items)});
    return this;
  }

  /** The whole Part 10 file. */
  public byte[] file(Syntax syntax, String sopClass, String sopInstance) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[128]);
      out.write("DICM".getBytes(StandardCharsets.US_ASCII));
      DicomWriter meta = new DicomWriter()
          .text(0x00020002, "UI", sopClass).text(0x00020003, "UI", sopInstance)
          .text(0x00020010, "UI", syntax.uid).text(0x00020012, "UI", "1.2.276.0.7230010.3.0.1");
      meta.elements.put(0x00020001, new Object[] {"OB", new byte[] {0, 1}});
      byte[] metaBytes = meta.encode(true, false);
      ByteBuffer len = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      len.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII))
          .putShort((short) 4).putInt(metaBytes.length);
      out.write(len.array());
      out.write(metaBytes);
      byte[] data = encode(syntax.explicit, syntax.bigEndian);
      if (syntax.deflated) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (OutputStream z = new DeflaterOutputStream(out, d)) {
          z.write(data);
        }
        d.end();
      } else {
        out.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] encode(boolean explicit, boolean big) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (var e : elements.entrySet()) {
      String vr = (String) e.getValue()[0];
      Object v = e.getValue()[1];
      if (v instanceof List<?> items) {
        header(out, e.getKey(), vr, 0xFFFFFFFFL, explicit, big);
        for (Object item : items) {
          header(out, 0xFFFEE000, null, 0xFFFFFFFFL, false, big);
          out.write(((DicomWriter) item).encode(explicit, big));
          header(out, 0xFFFEE00D, null, 0, false, big);
        }
        header(out, 0xFFFEE0DD, null, 0, false, big);
        continue;
      }
      byte[] bytes = value(vr, v, big);
      header(out, e.getKey(), vr, bytes.length, explicit, big);
      out.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] value(String vr, Object v, boolean big) {
    ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    if (v instanceof Double d) {
      return ByteBuffer.allocate(8).order(order).putDouble(d).array();
    }
    if (v instanceof Integer i) {
      return ByteBuffer.allocate(2).order(order).putShort((short) (int) i).array();
    }
    if (v instanceof short[] s) {
      ByteBuffer b = ByteBuffer.allocate(s.length * 2 + (s.length * 2) % 2).order(order);
      for (short x : s) {
        b.putShort(x);
      }
      return b.array();
    }
    byte[] b = (byte[]) v;
    if (b.length % 2 == 0) {
      return b;
    }
    byte[] padded = java.util.Arrays.copyOf(b, b.length + 1);
    padded[b.length] = (byte) (vr.equals("UI") || vr.equals("OB") ? 0 : ' ');
    return padded;
  }

  private static void header(ByteArrayOutputStream out, int tag, String vr, long length,
      boolean explicit, boolean big) {
    ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer b = ByteBuffer.allocate(12).order(order);
    b.putShort((short) (tag >>> 16)).putShort((short) tag);
    if (explicit && vr != null) {
      b.put(vr.getBytes(StandardCharsets.US_ASCII));
      if (LONG_VRS.contains(vr)) {
        b.putShort((short) 0).putInt((int) length);
      } else {
        b.putShort((short) length);
      }
    } else {
      b.putInt((int) length);
    }
    out.write(b.array(), 0, b.position());
  }

  /** Items of a sequence, for {@link #sequence}. */
  public static List<DicomWriter> items(DicomWriter... items) {
    return new ArrayList<>(List.of(items));
  }
}
