package org.datenraum.store.duckdb.feasibility;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/** A CRC-32 after a packed byte array, so that a cut or altered one is recognised and not used. */
final class Checksums {

  private Checksums() {}

  /** The bytes with their CRC-32 appended (8 bytes, big-endian). */
  static byte[] append(byte[] bytes) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + Long.BYTES);
    ByteBuffer.wrap(out, bytes.length, Long.BYTES).putLong(crc(out, bytes.length));
    return out;
  }

  /** The bytes before the checksum, as a buffer at position 0, if the checksum matches. */
  static Optional<ByteBuffer> verified(byte[] bytes) {
    if (bytes == null || bytes.length < Long.BYTES) {
      return Optional.empty();
    }
    int length = bytes.length - Long.BYTES;
    if (ByteBuffer.wrap(bytes, length, Long.BYTES).getLong() != crc(bytes, length)) {
      return Optional.empty();
    }
    return Optional.of(ByteBuffer.wrap(bytes, 0, length).slice());
  }

  /**
   * The bytes after a verified checksum and a header of {@code magic}, {@code format} and
   * {@code version}, as a buffer just after that header; empty for other or damaged bytes.
   */
  static Optional<ByteBuffer> opened(byte[] bytes, int magic, int format, long version) {
    return verified(bytes).filter(in -> in.remaining() >= 2 * Integer.BYTES + Long.BYTES
        && in.getInt() == magic && in.getInt() == format && in.getLong() == version);
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }
}
