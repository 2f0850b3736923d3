package org.datenraum.generator;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes bytes as one complete gzip member (RFC 1952), so members can be concatenated. */
final class GzipMember {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private GzipMember() {}

  static void write(ByteBuf raw, ByteBuf out, Deflater deflater) {
    if (raw.size() == 0) {
      return;
    }
    out.write(HEADER, 0, HEADER.length);
    deflater.reset();
    deflater.setInput(raw.array(), 0, raw.size());
    deflater.finish();
    byte[] chunk = new byte[64 * 1024];
    while (!deflater.finished()) {
      int n = deflater.deflate(chunk);
      out.write(chunk, 0, n);
    }
    CRC32 crc = new CRC32();
    crc.update(raw.array(), 0, raw.size());
    int c = (int) crc.getValue();
    int size = raw.size();
    out.write(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
        (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)}, 0, 8);
  }
}
