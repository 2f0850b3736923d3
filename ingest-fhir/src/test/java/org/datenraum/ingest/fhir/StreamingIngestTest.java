package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load with the streaming reader writes the same batches as one that parses every line into a
 * tree: the same records (stored JSON byte for byte, facts) and the same quarantine entries (file,
 * line, type, id, reason) in the same order, also for malformed and invalid lines.
 */
class StreamingIngestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void streamingLoadsAndQuarantinesAsTheTreeDoes(@TempDir Path dir) throws IOException {
    HospitalGenerator.of(GeneratorConfig.of(12, 5, "Klinikum Strom",
        GeneratorConfig.DEFAULT_START, 1, List.of()).value()).writeTo(dir, 1, false,
        (d, t, r, b) -> { });
    Files.write(dir.resolve("planted.ndjson"), planted(dir), StandardCharsets.UTF_8);

    FhirIngest streaming = FhirIngest.of(Loads.pseudonymizer());
    List<WriteBatch> streamed = load(streaming, dir);
    List<WriteBatch> tree = load(FhirIngest.of(Loads.pseudonymizer()).withStreaming(false), dir);

    assertThat(records(streamed)).hasSameSizeAs(records(tree));
    for (int i = 0; i < records(tree).size(); i++) {
      assertSame(records(tree).get(i), records(streamed).get(i));
    }
    assertThat(quarantine(streamed)).isEqualTo(quarantine(tree));
    assertThat(quarantine(tree).stream().map(q -> q.problem().code()).collect(Collectors.toSet()))
        .isEqualTo(Set.of("DR-1001", "DR-1002", "DR-1010", "DR-1011", "DR-1012", "DR-1013",
            "DR-1014", "DR-1015", "DR-1018", "DR-1020", "DR-1021"));
    assertThat(quarantine(tree)).allSatisfy(q -> assertThat(q.file()).endsWith("planted.ndjson"));
    StreamingCounts counts = streaming.streamingCounts();
    assertThat(counts.streamed()).isPositive();
    assertThat(counts.handedOver()).containsKeys("malformed", "outcome", "shape", "type");
    assertThat(counts.handedOver().values()).allSatisfy(n -> assertThat(n).isPositive());
  }

  private static void assertSame(ResourceRecord tree, ResourceRecord streamed) {
    assertThat(new String(streamed.json(), StandardCharsets.UTF_8))
        .isEqualTo(new String(tree.json(), StandardCharsets.UTF_8));
    assertThat(Arrays.equals(streamed.json(), tree.json())).isTrue();
    assertThat(streamed.key()).isEqualTo(tree.key());
    assertThat(streamed.patient()).isEqualTo(tree.patient());
    assertThat(streamed.encounter()).isEqualTo(tree.encounter());
    assertThat(streamed.facts()).isEqualTo(tree.facts());
    assertThat(streamed.demographics()).isEqualTo(tree.demographics());
  }

  private static List<WriteBatch> load(FhirIngest ingest, Path dir) {
    List<WriteBatch> batches = new ArrayList<>();
    ingest.load(List.of(dir), Lookups.none(), batches::add, IngestProgress.none());
    return batches;
  }

  private static List<ResourceRecord> records(List<WriteBatch> batches) {
    return batches.stream().flatMap(b -> b.upserts().stream()).toList();
  }

  private static List<QuarantineEntry> quarantine(List<WriteBatch> batches) {
    return batches.stream().flatMap(b -> b.quarantine().stream()).toList();
  }

  /** Bad and unusual lines made from the hospital's own first Observation, Encounter, ... */
  private static List<String> planted(Path dir) throws IOException {
    String obs = first(dir, "Observation");
    String enc = first(dir, "Encounter");
    String admin = first(dir, "MedicationAdministration");
    String cond = first(dir, "Condition");
    List<String> lines = new ArrayList<>(List.of("{not json", "[1, 2]", "   ",
        obs.substring(0, obs.length() / 2),
        obs + " trailing text",
        obs.replace("\"status\":", "\"status\":\"final\",\"status\":"),
        "{\"id\":\"first\"," + obs.substring(1).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"later\""),
        obs.replace("\"resourceType\":\"Observation\"", "\"resourceType\":\"Observatoin\"")));
    lines.add(edit(obs, o -> o.remove("resourceType")));
    lines.add(edit(obs, o -> o.remove("id")));
    lines.add(edit(obs, o -> o.remove("code")));
    lines.add(edit(obs, o -> o.remove("subject")));
    lines.add(edit(obs, o -> o.put("effectiveDateTime", "2025-13-45")));
    lines.add(edit(obs, o -> o.putObject("valueQuantity").put("value", "viel").put("unit", "mg")));
    lines.add(edit(obs, o -> o.putObject("subject").put("reference", "Patient/nobody")));
    lines.add(edit(obs, o -> o.putObject("text").put("status", "generated").put("div", "<div>Name</div>")));
    lines.add(edit(obs, o -> o.putArray("extension").addObject()
        .put("valueCode", "x").put("url", "http://example.org/late-url")));
    lines.add(edit(enc, o -> o.remove("class")));
    lines.add(edit(admin, o -> o.putObject("medicationReference").put("reference", "Medication/none")));
    lines.add(edit(cond, o -> o.put("recordedDate", "gestern")));
    return lines;
  }

  private static String first(Path dir, String type) throws IOException {
    try (var lines = Files.lines(dir.resolve(type + ".ndjson"))) {
      return lines.findFirst().orElseThrow();
    }
  }

  private static String edit(String line, java.util.function.Consumer<ObjectNode> change)
      throws IOException {
    ObjectNode o = (ObjectNode) JSON.readTree(line);
    change.accept(o);
    return JSON.writeValueAsString(o);
  }
}
