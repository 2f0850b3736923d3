package org.datenraum.registry.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The models the project ships: {@code lung-opacity-1.onnx} (see {@link LungOpacityModelBuilder}). */
public final class BuiltInModels {

  private BuiltInModels() {}

  /** The bytes of the shipped lung-opacity model. */
  public static byte[] lungOpacity() {
    try (InputStream in = BuiltInModels.class.getResourceAsStream("lung-opacity-1.onnx")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
