package org.datenraum.registry.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.ResourceRecord;
import org.junit.jupiter.api.Test;

/** The shipped ONNX model: made by its builder, its expected outputs, equal to the Java reference. */
class LungOpacityModelTest {

  static byte[] shipped() throws Exception {
    try (InputStream in = LungOpacityModelTest.class.getResourceAsStream("lung-opacity-1.onnx")) {
      return in.readAllBytes();
    }
  }

  static StudyInput study(long[] counts) {
    return new StudyInput("study-1", "patient-1", "key-1", Instant.parse("2025-03-06T09:00:00Z"),
        List.of("series-1"), HuHistogram.of(counts));
  }

  @Test
  void theShippedFileIsWhatTheBuilderMakes() throws Exception {
    assertThat(shipped()).isEqualTo(LungOpacityModelBuilder.model());
  }

  @Test
  void onnxRuntimeGivesTheExpectedOutputs() throws Exception {
    String table;
    try (InputStream in = getClass().getResourceAsStream("lung-opacity-1.expected.tsv")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (OnnxImagingModel model = OnnxImagingModel.load(shipped())) {
      assertThat(model.info().name()).isEqualTo("lung-opacity");
      assertThat(model.info().version()).isEqualTo("1");
      assertThat(model.info().sha256()).hasSize(64);
      int rows = 0;
      for (String line : table.split("\n")) {
        if (line.startsWith("#") || line.isBlank() && !line.equals("")) {
          continue;
        }
        if (line.isEmpty()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        long[] counts = new long[HuHistogram.BINS];
        for (String cell : cols[0].isEmpty() ? new String[0] : cols[0].split(",")) {
          String[] kv = cell.split("=");
          counts[Integer.parseInt(kv[0])] = Long.parseLong(kv[1]);
        }
        List<Biomarker> out = model.run(study(counts));
        assertThat(out).singleElement().satisfies(b -> {
          assertThat(b.name()).isEqualTo("lung-opacity-percent");
          assertThat(b.unit()).isEqualTo("%");
          assertThat(b.value()).as(line).isCloseTo(Double.parseDouble(cols[1]), within(1e-4));
        });
        rows++;
      }
      assertThat(rows).isEqualTo(6);
    }
  }

  @Test
  void onnxAndTheJavaReferenceAgreeOnRandomHistograms() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    try (OnnxImagingModel model = OnnxImagingModel.load(shipped())) {
      for (int i = 0; i < 200; i++) {
        long[] counts = new long[HuHistogram.BINS];
        for (int b = 0; b < counts.length; b++) {
          counts[b] = random.nextInt(4) == 0 ? random.nextLong(200_000) : 0;
        }
        StudyInput s = study(counts);
        double onnx = model.run(s).get(0).value();
        double java = new LungOpacityReference().run(s).get(0).value();
        assertThat(onnx).isCloseTo(java, within(1e-3));
      }
    }
  }

  @Test
  void everyDerivedFactCarriesItsProvenance() {
    ModelInfo info = new ModelInfo("lung-opacity", "1", "ab".repeat(32));
    ResourceRecord r = BiomarkerRecords.record(info, study(new long[HuHistogram.BINS]),
        List.of(new Biomarker("lung-opacity-percent", 12.5, "%"), new Biomarker("x", 1, null)));
    assertThat(r.key()).isEqualTo(BiomarkerRecords.key(info, "study-1"));
    assertThat(r.facts()).hasSize(2).allSatisfy(f -> assertThat(f.attributes()).contains(
        new Attribute("model", new Coding(BiomarkerRecords.MODEL, "lung-opacity/1")),
        new Attribute("modelChecksum", new Coding(BiomarkerRecords.CHECKSUM, "ab".repeat(32))),
        new Attribute("inputSeries", new Coding(ImagingCodes.SERIES_KEY, "series-1")),
        new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, "key-1"))));
    assertThat(r.facts().get(0).value()).isEqualTo(new FactValue.Quantity(12.5, "%", null));
    assertThat(r.jsonText()).contains("\"sha256\":\"" + "ab".repeat(32) + "\"").contains("series-1");
    assertThat(BiomarkerRecords.key(new ModelInfo("lung-opacity", "2", "ab".repeat(32)), "study-1"))
        .isNotEqualTo(r.key());
  }
}
