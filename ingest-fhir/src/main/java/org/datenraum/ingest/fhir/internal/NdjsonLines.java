package org.datenraum.ingest.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an NDJSON byte stream into lines without decoding them, so that the JSON parser reads
 * UTF-8 bytes directly. Not thread-safe; the returned lines share no buffer with later calls.
 */
final class NdjsonLines {

  /** One line: a slice of a byte array, without its line end. */
  record Line(byte[] bytes, int offset, int length) {}

  private static final int BLOCK = 1 << 22;
  /**
   * Bytes asked for per read: a buffered stream that fails part way through one read loses what
   * that read had gathered, so reads stay small enough for a truncated file to keep its lines.
   */
  private static final int READ = 1 << 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

  private final InputStream in;
  private byte[] buf = new byte[BLOCK];
  private int start;
  private int end;
  private boolean eof;
  private IOException failure;

  NdjsonLines(InputStream in) {
    this.in = in;
  }

  /**
   * The whole lines of the next block (a block is neither split nor copied: its lines keep
   * pointing into it); empty at the end of the stream. A read error ends the stream:
   * the whole lines before it are returned first, then the error is thrown (a line it cut off is
   * not returned).
   */
  List<Line> next() throws IOException {
    List<Line> lines = new ArrayList<>();
    byte[] block = fill();
    int pos = start;
    while (true) {
      int nl = indexOf(block, pos, end);
      if (nl < 0) {
        if (eof) {
          if (pos < end && failure == null) {
            lines.add(line(block, pos, end));
          }
          pos = end;
          break;
        }
        if (!lines.isEmpty()) {
          break;
        }
        start = pos;
        block = grow();
        pos = start;
        continue;
      }
      lines.add(line(block, pos, nl));
      pos = nl + 1;
    }
    start = pos;
    if (lines.isEmpty() && failure != null) {
      throw failure;
    }
    return lines;
  }

  private static Line line(byte[] block, int from, int to) {
    int len = to - from;
    if (len > 0 && block[to - 1] == '\r') {
      len--;
    }
    return new Line(block, from, len);
  }

  /**
   * A fresh block holding the unread rest, topped up with input to {@link #BLOCK} bytes (the rest
   * alone when it is already that long), so that memory stays bounded however short the lines.
   */
  private byte[] fill() {
    byte[] fresh = new byte[Math.max(BLOCK, end - start)];
    System.arraycopy(buf, start, fresh, 0, end - start);
    end -= start;
    start = 0;
    buf = fresh;
    read();
    return buf;
  }

  private byte[] grow() {
    buf = Arrays.copyOf(buf, buf.length * 2);
    read();
    return buf;
  }

  private void read() {
    while (end < buf.length && !eof) {
      int n;
      try {
        n = in.read(buf, end, Math.min(buf.length - end, READ));
      } catch (IOException e) {
        failure = e;
        eof = true;
        return;
      }
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }
  }

  /** The first line feed in {@code b[from, to)}, or -1; eight bytes at a time. */
  static int indexOf(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long t = (x & LOW_SEVEN) + LOW_SEVEN;
      long zeros = ~(t | x | LOW_SEVEN);
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
