package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader maps every line it reads exactly as the tree-based mapping does: the same
 * stored JSON byte for byte, the same facts, patient, encounter and key; the lines it hands over
 * are those the tree-based mapping decides anyway. On the shared FHIR corpora (Bundles, whose
 * entries of the streamed types, and the Patients and Medications they refer to, become NDJSON
 * lines with their {@code urn:uuid} references written as {@code Type/id}) and on generated
 * hospitals of several seeds (every line of every type).
 */
class StreamingEqualityTest {

  /** The types the reader streams. */
  private static final List<String> STREAMED = List.copyOf(StreamedResource.TIMES.keySet());

  /** Every file of each corpus (synthea-flare: 215 MB of JSON). */
  @ParameterizedTest
  @ValueSource(strings = {"mii-kds", "synthea-flare", "ccdl/sq2cql/testData.json"})
  void sharedCorpusStreamsAsTheTreeMaps(String set) throws IOException {
    StreamingComparison c = new StreamingComparison();

    c.compare(ingestOrder(bundleLines(sharedTestData().resolve(set))));

    assertThat(c.differences).isEmpty();
    assertThat(c.streamedByType.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    assertThat(c.streamedByType.keySet()).isSubsetOf(STREAMED);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 2024})
  void generatedHospitalStreamsAsTheTreeMaps(long seed, @TempDir Path dir) throws IOException {
    HospitalGenerator.of(GeneratorConfig.of(25, seed, "Klinikum Strom",
        GeneratorConfig.DEFAULT_START, 1, List.of()).value()).writeTo(dir, 1, false,
        (d, t, r, b) -> { });
    StreamingComparison c = new StreamingComparison();
    List<JsonLine> lines = ingestOrder(ndjsonLines(dir));

    c.compare(lines);

    assertThat(c.differences).isEmpty();
    assertThat(c.streamedByType.keySet()).containsAll(STREAMED);
    long handedOver = STREAMED.stream().mapToLong(t -> c.treeByType.getOrDefault(t, 0L)).sum();
    assertThat(handedOver).as("streamed types left to the tree").isEqualTo(imagingFindings(lines));
    assertThat(c.treeByType).containsKeys("Patient", "Medication");
  }

  /**
   * Observations with a structured imaging finding: left to the tree-based mapping, which checks
   * the finding against its scale.
   */
  private static long imagingFindings(List<JsonLine> lines) {
    return lines.stream().map(l -> new String(l.bytes(), l.offset(), l.length(), StandardCharsets.UTF_8))
        .filter(t -> t.startsWith("{\"resourceType\":\"Observation\"")
            && t.contains(org.datenraum.core.ImagingCodes.FINDING))
        .count();
  }

  /** Finds {@code shared/testdata} above the working directory. */
  static Path sharedTestData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/testdata not found");
  }

  /** Patients first, then Medications, then the rest, each in input order, as a load goes. */
  static List<JsonLine> ingestOrder(List<JsonLine> lines) {
    List<JsonLine> out = new ArrayList<>(lines);
    out.sort(Comparator.comparingInt(l -> rank(l)));
    return out;
  }

  private static int rank(JsonLine l) {
    String text = new String(l.bytes(), l.offset(), Math.min(l.length(), 60), StandardCharsets.UTF_8);
    return text.contains("\"Patient\"") ? 0 : text.contains("\"Medication\"") ? 1 : 2;
  }

  static List<JsonLine> ndjsonLines(Path dir) throws IOException {
    List<JsonLine> out = new ArrayList<>();
    for (Path f : InputFiles.expand(List.of(dir))) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
        out.add(new JsonLine(f.getFileName().toString(), i + 1, b, 0, b.length));
      }
    }
    return out;
  }

  private static final Pattern URN = Pattern.compile("\"(urn:uuid:[^\"]+)\"");

  /** Each Bundle entry's resource as one line, its Bundle-local references made literal. */
  static List<JsonLine> bundleLines(Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonLine> out = new ArrayList<>();
    List<Path> files = InputFiles.expand(List.of(root));
    for (Path f : files) {
      ObjectNode bundle;
      try (InputStream in = InputFiles.open(f)) {
        bundle = (ObjectNode) json.readTree(in);
      }
      List<RawEntry> entries = new ArrayList<>();
      BundleEntries.emit(f.toString(), "file", bundle, new Entries(entries));
      for (RawEntry e : entries) {
        if (e.resource() != null && compared(e.resource().path("resourceType").asText())) {
          String text = literal(json.writeValueAsString(e.resource()), e.fullUrls());
          byte[] b = text.getBytes(StandardCharsets.UTF_8);
          out.add(new JsonLine(f.getFileName() + " " + e.location(), out.size() + 1, b, 0, b.length));
        }
      }
    }
    return out;
  }

  /**
   * The types compared on the shared corpora: those streamed, and the Patients and Medications
   * they refer to. Lines of other types are handed over at their first member, which the
   * generated hospitals (all types) show.
   */
  private static boolean compared(String type) {
    return STREAMED.contains(type) || type.equals("Patient") || type.equals("Medication");
  }

  private static String literal(String text, Map<String, String> fullUrls) {
    Matcher m = URN.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String target = fullUrls.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(
          "\"" + (target != null ? target : m.group(1)) + "\""));
    }
    return m.appendTail(sb).toString();
  }

  private record Entries(List<RawEntry> into) implements EntrySink {
    @Override
    public void entry(RawEntry entry) {
      into.add(entry);
    }

    @Override
    public void line(JsonLine line) {
      throw new UncheckedIOException(new IOException("a Bundle holds no lines"));
    }

    @Override
    public void reject(QuarantineEntry rejected) {
    }
  }
}
