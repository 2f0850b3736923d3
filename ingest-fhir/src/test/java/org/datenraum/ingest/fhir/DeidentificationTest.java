package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Fact;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.fhir.internal.R4ElementsFromHapi;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every resource type the store accepts: identifying content planted in every element that
 * can hold it reaches neither the stored JSON nor the facts, and the facts stay those of the
 * resource without it.
 */
class DeidentificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<String> resourceTypes() {
    return R4ElementsFromHapi.resourceTypes().stream()
        .filter(t -> !t.equals("Bundle") && !t.equals("Parameters"));
  }

  @ParameterizedTest
  @MethodSource("resourceTypes")
  void plantedIdentifiersReachNeitherTheStoreNorTheFacts(String type) throws IOException {
    String base = BaseResources.of(type);
    PlantedResources planting = new PlantedResources(type.hashCode());
    ObjectNode planted = planting.plant((ObjectNode) JSON.readTree(base));

    Loaded clean = load("clean", base);
    Loaded dirty = load("planted", planted.toString());

    assertThat(planting.planted).hasSizeGreaterThan(20);
    List<String> leaks = new ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    java.util.regex.Matcher m = PlantedResources.TOKEN.matcher(dirty.text());
    while (m.find()) {
      tokens.add(m.group());
    }
    for (Map.Entry<String, String> token : planting.planted.entrySet()) {
      boolean plain = PlantedResources.TOKEN.matcher(token.getKey()).matches();
      if (plain ? tokens.contains(token.getKey()) : dirty.text().contains(token.getKey())) {
        leaks.add(token.getValue());
      }
    }
    assertThat(leaks).as("planted values that reached the store (of %d planted)",
        planting.planted.size()).isEmpty();
    assertThat(dirty.store().quarantine()).isEmpty();
    assertThat(dirty.facts()).containsExactlyInAnyOrderElementsOf(clean.facts());
    assertThat(dirty.store().patients().toList())
        .containsExactlyInAnyOrderElementsOf(clean.store().patients().toList());
  }

  /** A load of the patient, the medication and the resource, and all it left in the store. */
  private record Loaded(InMemorySiteStore store, List<Fact> facts, String text) {}

  private Loaded load(String name, String resource) throws IOException {
    Path f = Files.writeString(dir.resolve(name + ".ndjson"), String.join("\n",
        BaseResources.PATIENT, BaseResources.MEDICATION, BaseResources.STUDY, resource));
    InMemorySiteStore store = Loads.fresh();
    List<ResourceRecord> written = new ArrayList<>();
    FhirIngest.of(Loads.pseudonymizer()).load(List.of(f), new Loads.StoreView(store),
        (WriteBatch b) -> {
          written.addAll(b.upserts());
          store.write(b);
        }, IngestProgress.none());
    StringBuilder text = new StringBuilder();
    for (ResourceRecord r : written) {
      text.append(store.resourceJson(r.key()).orElseThrow()).append('\n');
    }
    List<Fact> facts = store.facts().toList();
    facts.forEach(fact -> text.append(fact.code()).append(fact.value()).append(fact.status())
        .append(fact.attributes()).append(fact.encounter()).append(fact.resourceId()).append('\n'));
    return new Loaded(store, facts, text.toString());
  }
}
