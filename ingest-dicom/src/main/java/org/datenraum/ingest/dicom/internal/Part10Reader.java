package org.datenraum.ingest.dicom.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads the metadata of a DICOM Part 10 file (PS3.10 preamble and meta information, then the data
 * set in its transfer syntax: explicit or implicit VR, little or big endian, deflated), stopping
 * before the top-level pixel data, which it never reads. Values longer than {@link #KEEP_BYTES}
 * are skipped. Not thread-safe: one reader per file.
 */
public final class Part10Reader {

  /** Values longer than this are skipped, not kept (no attribute the ingest uses is longer). */
  public static final int KEEP_BYTES = 64 * 1024;
  private static final int MAX_DEPTH = 16;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  /** A transfer syntax as far as reading the data set is concerned. */
  public record Syntax(boolean explicit, boolean bigEndian, boolean deflated) {}

  /** Why a file could not be read; {@code code} is the quarantine's. */
  public static final class Unreadable extends Exception {
    private final String code;

    public Unreadable(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private InputStream in;
  private boolean pixels;
  private long position;
  private Syntax syntax;
  private Charset charset = StandardCharsets.ISO_8859_1;

  private Part10Reader(InputStream in) {
    this.in = in;
  }

  /** Reads the meta information and the data set of a Part 10 stream, up to the pixel data. */
  public static DicomObject read(InputStream raw) throws IOException, Unreadable {
    Part10Reader r = new Part10Reader(new BufferedInputStream(raw, 16 * 1024));
    return r.readFile();
  }

  /**
   * Reads a Part 10 stream including its native (not encapsulated) top-level pixel data, for the
   * models that run at the site; the pixel data go nowhere else.
   */
  public static DicomObject readWithPixels(InputStream raw) throws IOException, Unreadable {
    Part10Reader r = new Part10Reader(new BufferedInputStream(raw, 64 * 1024));
    r.pixels = true;
    return r.readFile();
  }

  private DicomObject readFile() throws IOException, Unreadable {
    byte[] head = new byte[132];
    int n = in.readNBytes(head, 0, 132);
    if (n < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
      throw looksLikeDataSet(head, n)
          ? new Unreadable("DR-7502", "the file has no DICOM Part 10 preamble (`DICM` at byte 128)"
              + " although it starts like a DICOM data set: store it as a Part 10 file (e.g. with"
              + " `dcmconv`) and load it again.")
          : new Unreadable("DR-7501", "the file is not DICOM (no `DICM` marker at byte 128): load"
              + " DICOM Part 10 files only.");
    }
    position = 132;
    syntax = new Syntax(true, false, false);
    Map<Integer, DicomElement> meta = new HashMap<>();
    try {
      while (true) {
        in.mark(8);
        int group = peekGroup();
        in.reset();
        if (group != 0x0002) {
          break;
        }
        readElement(meta, 0, true);
      }
      DicomElement ts = meta.get(Tags.TRANSFER_SYNTAX);
      String uid = ts == null ? null : ts.text(StandardCharsets.US_ASCII);
      syntax = TransferSyntaxes.of(uid);
      if (syntax == null) {
        throw new Unreadable("DR-7504", "the transfer syntax `" + uid + "` is unknown: convert"
            + " the file to a standard transfer syntax (PS3.5 section 10) and load it again.");
      }
      if (syntax.deflated()) {
        in = new BufferedInputStream(new InflaterInputStream(in, new Inflater(true), 8192), 16 * 1024);
      }
      Map<Integer, DicomElement> data = new HashMap<>(meta);
      readItems(data, -1, 0, true);
      return new DicomObject(data, charset);
    } catch (EOFException e) {
      throw new Unreadable("DR-7503", "the file ends inside a data element at byte " + position
          + " (truncated): copy the complete file again.");
    } catch (java.util.zip.ZipException e) {
      throw new Unreadable("DR-7503", "the deflated data set is corrupt after byte " + position
          + ": copy the complete file again.");
    }
  }

  private static boolean looksLikeDataSet(byte[] head, int n) {
    if (n < 8) {
      return false;
    }
    int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
    boolean vrLetters = Character.isUpperCase(head[4]) && Character.isUpperCase(head[5]);
    return (group == 0x0002 || group == 0x0008) && (vrLetters || head[4] != 0 || head[5] == 0);
  }

  private int peekGroup() throws IOException {
    int b0 = in.read();
    int b1 = in.read();
    if (b0 < 0 || b1 < 0) {
      return -1;
    }
    return b0 | b1 << 8;
  }

  /**
   * Reads elements into {@code into} until {@code limit} bytes are consumed (or an item delimiter
   * for {@code limit < 0}, or the end of the stream at the top level).
   */
  private void readItems(Map<Integer, DicomElement> into, long limit, int depth, boolean top)
      throws IOException, Unreadable {
    long end = limit < 0 ? Long.MAX_VALUE : position + limit;
    while (position < end) {
      if (top) {
        in.mark(4);
        if (in.read() < 0) {
          return;
        }
        in.reset();
      }
      if (!readElement(into, depth, top)) {
        return;
      }
    }
  }

  /** Reads one element; false at an item delimiter or at the top-level pixel data. */
  private boolean readElement(Map<Integer, DicomElement> into, int depth, boolean top)
      throws IOException, Unreadable {
    int tag = readTag();
    if (tag == Tags.ITEM_END) {
      readU32();
      return false;
    }
    if (top && (tag >>> 16) >= 0x7FE0 && tag != 0xFFFAFFFA) {
      if (pixels && tag == Tags.PIXEL_DATA) {
        readPixelData(into);
      }
      return false;
    }
    String vr;
    long length;
    if (syntax.explicit() && (tag >>> 16) != 0xFFFE) {
      vr = new String(readBytes(2), StandardCharsets.US_ASCII);
      if (!vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
        throw new Unreadable("DR-7505", "the element " + tagText(tag) + " at byte " + (position - 6)
            + " has no valid value representation: the file is corrupt or in another transfer syntax"
            + " than it declares.");
      }
      if (LONG_VRS.contains(vr)) {
        readBytes(2);
        length = readU32();
      } else {
        length = readU16();
      }
    } else {
      vr = Tags.implicitVr(tag);
      length = readU32();
    }
    DicomElement e = value(tag, vr, length, depth);
    if (e != null) {
      into.put(tag, e);
      if (tag == Tags.CHARACTER_SET && top) {
        charset = Charsets.of(e);
      }
    }
    return true;
  }

  private void readPixelData(Map<Integer, DicomElement> into) throws IOException, Unreadable {
    String vr = "OW";
    long length;
    if (syntax.explicit()) {
      vr = new String(readBytes(2), StandardCharsets.US_ASCII);
      readBytes(2);
    }
    length = readU32();
    if (length == UNDEFINED || length > Integer.MAX_VALUE - 8) {
      throw new Unreadable("DR-7511", "the pixel data are encapsulated (compressed) or too large:"
          + " models read native pixel data only; store the series uncompressed at the site.");
    }
    into.put(Tags.PIXEL_DATA, new DicomElement(vr, readBytes((int) length), List.of(), syntax.bigEndian()));
  }

  private DicomElement value(int tag, String vr, long length, int depth)
      throws IOException, Unreadable {
    boolean sequence = vr.equals("SQ") || (length == UNDEFINED && !syntax.explicit())
        || (length == UNDEFINED && vr.equals("UN"));
    if (sequence && tag != Tags.PIXEL_DATA) {
      if (depth >= MAX_DEPTH) {
        throw new Unreadable("DR-7505", "sequences are nested deeper than " + MAX_DEPTH
            + " levels at byte " + position + ": the file is corrupt.");
      }
      return new DicomElement("SQ", null, readSequence(length, depth + 1), syntax.bigEndian());
    }
    if (length == UNDEFINED) {
      skipFragments();
      return null;
    }
    if (length > KEEP_BYTES) {
      skip(length);
      return null;
    }
    return new DicomElement(vr, readBytes((int) length), List.of(), syntax.bigEndian());
  }

  private List<DicomObject> readSequence(long length, int depth) throws IOException, Unreadable {
    List<DicomObject> items = new ArrayList<>();
    long end = length == UNDEFINED ? Long.MAX_VALUE : position + length;
    while (position < end) {
      int tag = readTag();
      long itemLength = readU32();
      if (tag == Tags.SEQUENCE_END) {
        break;
      }
      if (tag != Tags.ITEM) {
        throw new Unreadable("DR-7505", "a sequence holds " + tagText(tag) + " where an item was"
            + " expected at byte " + (position - 8) + ": the file is corrupt.");
      }
      Map<Integer, DicomElement> item = new HashMap<>();
      readItems(item, itemLength == UNDEFINED ? -1 : itemLength, depth, false);
      items.add(new DicomObject(item, charset));
    }
    return items;
  }

  private void skipFragments() throws IOException, Unreadable {
    while (true) {
      int tag = readTag();
      long length = readU32();
      if (tag == Tags.SEQUENCE_END) {
        return;
      }
      if (tag != Tags.ITEM || length == UNDEFINED) {
        throw new Unreadable("DR-7505", "encapsulated data hold " + tagText(tag) + " at byte "
            + (position - 8) + " where a fragment was expected: the file is corrupt.");
      }
      skip(length);
    }
  }

  private int readTag() throws IOException {
    int group = readU16();
    int element = readU16();
    return group << 16 | element;
  }

  private int readU16() throws IOException {
    byte[] b = readBytes(2);
    return syntax.bigEndian() ? (b[0] & 0xFF) << 8 | (b[1] & 0xFF) : (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
  }

  private long readU32() throws IOException {
    byte[] b = readBytes(4);
    long v = syntax.bigEndian()
        ? (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL)
        : (b[3] & 0xFFL) << 24 | (b[2] & 0xFFL) << 16 | (b[1] & 0xFFL) << 8 | (b[0] & 0xFFL);
    return v;
  }

  private byte[] readBytes(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      position += b.length;
      throw new EOFException();
    }
    position += n;
    return b;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException();
        }
        s = 1;
      }
      left -= s;
      position += s;
    }
  }

  static String tagText(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }
}
