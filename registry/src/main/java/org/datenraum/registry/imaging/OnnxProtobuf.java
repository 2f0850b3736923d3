package org.datenraum.registry.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protocol buffers wire format (varints and length-delimited fields) to write
 * ONNX models ({@code onnx.proto}: ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto)
 * without the protobuf library. Not thread-safe.
 */
final class OnnxProtobuf {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  OnnxProtobuf varint(int field, long value) {
    tag(field, 0);
    raw(value);
    return this;
  }

  OnnxProtobuf string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  OnnxProtobuf message(int field, OnnxProtobuf message) {
    return bytes(field, message.toByteArray());
  }

  OnnxProtobuf floats(int field, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return bytes(field, b.array());
  }

  OnnxProtobuf bytes(int field, byte[] value) {
    tag(field, 2);
    raw(value.length);
    out.writeBytes(value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    raw((long) field << 3 | wireType);
  }

  private void raw(long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
