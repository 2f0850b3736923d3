package org.datenraum.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte array to render into; not thread-safe. */
final class ByteBuf extends OutputStream {

  private byte[] bytes;
  private int size;

  ByteBuf(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  void clear() {
    size = 0;
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
