package org.datenraum.registry.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The script that makes the shipped model {@code lung-opacity-1.onnx} (ONNX IR 7, opset 13):
 * {@code opacity = 100 * (histogram x opaque) / max(histogram x lung, 1)}, where {@code opaque}
 * and {@code lung} are 0/1 weight columns over the bins of {@link LungOpacityReference}. Run
 * {@code java ... LungOpacityModelBuilder FILE} to write it; {@code ModelFileTest} checks that the
 * shipped file is this output byte for byte.
 */
public final class LungOpacityModelBuilder {

  static final String INPUT = "histogram";
  static final String OUTPUT = "lung_opacity_percent";

  private LungOpacityModelBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LungOpacityModelBuilder FILE");
      System.exit(2);
    }
    Files.write(Path.of(args[0]), model());
  }

  /** The model's bytes. */
  public static byte[] model() {
    float[] lung = new float[HuHistogram.BINS];
    float[] opaque = new float[HuHistogram.BINS];
    for (int i = LungOpacityReference.LUNG_FIRST; i <= LungOpacityReference.LAST; i++) {
      lung[i] = 1;
      opaque[i] = i >= LungOpacityReference.OPACITY_FIRST ? 1 : 0;
    }
    OnnxProtobuf graph = new OnnxProtobuf()
        .message(1, node("MatMul", "opaque_count", INPUT, "w_opaque"))
        .message(1, node("MatMul", "lung_count", INPUT, "w_lung"))
        .message(1, node("Max", "lung_at_least_one", "lung_count", "one"))
        .message(1, node("Div", "share", "opaque_count", "lung_at_least_one"))
        .message(1, node("Mul", OUTPUT, "share", "hundred"))
        .string(2, "lung-opacity")
        .message(5, tensor("w_opaque", opaque, HuHistogram.BINS, 1))
        .message(5, tensor("w_lung", lung, HuHistogram.BINS, 1))
        .message(5, tensor("one", new float[] {1f}, 1, 1))
        .message(5, tensor("hundred", new float[] {100f}, 1, 1))
        .message(11, value(INPUT, HuHistogram.BINS))
        .message(12, value(OUTPUT, 1));
    return new OnnxProtobuf()
        .varint(1, 7)
        .string(2, "datenraum")
        .string(3, "1")
        .varint(5, 1)
        .string(6, "Lung opacity: percentage of lung-range CT voxels (-960..-320 HU) in the"
            + " opacity range (-704..-320 HU), from a 64-bin attenuation histogram")
        .message(7, graph)
        .message(8, new OnnxProtobuf().string(1, "").varint(2, 13))
        .message(14, entry("name", "lung-opacity"))
        .message(14, entry("version", "1"))
        .message(14, entry("unit:" + OUTPUT, "%"))
        .toByteArray();
  }

  private static OnnxProtobuf node(String op, String output, String a, String b) {
    return new OnnxProtobuf().string(1, a).string(1, b).string(2, output).string(3, output)
        .string(4, op);
  }

  private static OnnxProtobuf tensor(String name, float[] values, long rows, long cols) {
    return new OnnxProtobuf().varint(1, rows).varint(1, cols).varint(2, 1).string(8, name)
        .floats(9, values);
  }

  private static OnnxProtobuf value(String name, long columns) {
    OnnxProtobuf shape = new OnnxProtobuf()
        .message(1, new OnnxProtobuf().varint(1, 1))
        .message(1, new OnnxProtobuf().varint(1, columns));
    OnnxProtobuf tensorType = new OnnxProtobuf().varint(1, 1).message(2, shape);
    return new OnnxProtobuf().string(1, name).message(2, new OnnxProtobuf().message(1, tensorType));
  }

  private static OnnxProtobuf entry(String key, String value) {
    return new OnnxProtobuf().string(1, key).string(2, value);
  }
}
