package org.datenraum.ingest.fhir.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How far into a file a reader is, in bytes of the file, while its content is read ahead on
 * another thread and may be decompressed: the bytes of content handed on so far, scaled by the
 * ratio of file bytes to content bytes read until now. Counts are written by the reading thread
 * and read by the caller's.
 */
public final class ReadPosition {

  private volatile long fileBytes;
  private volatile long contentBytes;

  /** Counts the bytes read from the file itself. */
  InputStream countingFile(InputStream file) {
    return new Counting(file, true);
  }

  /** Counts the bytes of content (after decompression) read. */
  InputStream countingContent(InputStream content) {
    return new Counting(content, false);
  }

  /** The bytes of the file that hold the first {@code consumed} bytes of content. */
  long fileBytesOf(long consumed) {
    long content = contentBytes;
    long file = fileBytes;
    if (content <= 0 || file == content) {
      return Math.min(consumed, file);
    }
    return Math.min(file, (long) (consumed * ((double) file / content)));
  }

  private final class Counting extends FilterInputStream {
    private final boolean file;

    Counting(InputStream in, boolean file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      if (file) {
        fileBytes += n;
      } else {
        contentBytes += n;
      }
    }
  }
}
