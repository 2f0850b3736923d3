package org.datenraum.registry.imaging;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An imaging model run by ONNX Runtime on the CPU. The model's contract: one input
 * {@code histogram}, float [1, 64] (a {@link HuHistogram}); every output a float [1, 1] biomarker
 * named after the output ({@code _} read as {@code -}); metadata {@code name}, {@code version} and
 * {@code unit:OUTPUT} (UCUM). Thread-safe (an ORT session is); close it when done.
 */
public final class OnnxImagingModel implements ImagingModel {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final ModelInfo info;
  private final Map<String, String> metadata;

  private OnnxImagingModel(OrtEnvironment env, OrtSession session, ModelInfo info,
      Map<String, String> metadata) {
    this.env = env;
    this.session = session;
    this.info = info;
    this.metadata = Map.copyOf(metadata);
  }

  /** Loads a model from its bytes (one CPU thread per run). */
  public static OnnxImagingModel load(byte[] model) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    OrtSession session = env.createSession(model, options);
    Map<String, String> meta = session.getMetadata().getCustomMetadata();
    if (!session.getInputNames().contains(LungOpacityModelBuilder.INPUT)) {
      session.close();
      throw new IllegalArgumentException("the model has no input `histogram`: an imaging model"
          + " takes a float [1, 64] attenuation histogram named `histogram`.");
    }
    ModelInfo info = new ModelInfo(meta.getOrDefault("name", session.getMetadata().getGraphName()),
        meta.getOrDefault("version", String.valueOf(session.getMetadata().getVersion())), sha256(model));
    return new OnnxImagingModel(env, session, info, meta);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<Biomarker> run(StudyInput study) {
    float[] input = study.histogram().asFloats();
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, input.length});
        OrtSession.Result result = session.run(Map.of(LungOpacityModelBuilder.INPUT, t))) {
      List<Biomarker> out = new ArrayList<>();
      for (var e : result) {
        float[][] v = (float[][]) e.getValue().getValue();
        out.add(new Biomarker(e.getKey().replace('_', '-'), v[0][0], metadata.get("unit:" + e.getKey())));
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("model " + info.id() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
