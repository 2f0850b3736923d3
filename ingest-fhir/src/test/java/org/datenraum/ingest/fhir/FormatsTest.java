package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.datenraum.store.InMemorySiteStore;
import org.hl7.fhir.r4.model.Bundle;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** XML, NDJSON and compressed inputs give the same facts as the JSON they were made from. */
class FormatsTest {

  @TempDir Path dir;

  private static final FhirContext CTX = FhirContext.forR4();

  static Stream<String> bundles() throws IOException {
    try (Stream<Path> files = Files.list(TestData.of("mii-kds"))) {
      List<String> names = files.map(p -> "mii-kds/" + p.getFileName())
          .filter(n -> n.endsWith(".json")).sorted().toList();
      return Stream.concat(names.stream(), Stream.of("ccdl/sq2cql/testData.json"));
    }
  }

  /** HAPI FHIR's own parser and serializer (XML) lead to the same facts as the JSON hot path. */
  @ParameterizedTest
  @MethodSource("bundles")
  void xmlBundleGivesTheSameFactsAsJson(String bundleFile) throws IOException {
    FhirContext ctx = CTX;
    Bundle bundle = (Bundle) ctx.newJsonParser().parseResource(
        Files.readString(TestData.of(bundleFile)));
    Path xml = Files.writeString(dir.resolve("bundle.xml"),
        ctx.newXmlParser().encodeResourceToString(bundle));

    InMemorySiteStore fromJson = Loads.fresh();
    Loads.load(fromJson, TestData.of(bundleFile));
    InMemorySiteStore fromXml = Loads.fresh();
    Loads.load(fromXml, xml);

    assertThat(fromXml.quarantine()).isEmpty();
    assertThat(fromXml.stats()).isEqualTo(fromJson.stats());
    assertThat(fromXml.facts().toList())
        .containsExactlyInAnyOrderElementsOf(fromJson.facts().toList());
  }

  @Test
  void gzipNdjsonLoads() throws IOException {
    Path gz = dir.resolve("Patient.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write((Fhir.patient("a", "1990") + "\n" + Fhir.patient("b", "1991") + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, dir);
    assertThat(store.stats().patients()).isEqualTo(2);
  }

  @Test
  void bzip2BundlesLoad() {
    InMemorySiteStore store = Loads.fresh();
    Loads.load(store, TestData.of(
        "synthea-flare/085e81c0-7a95-ef02-16ef-aa1b4344deed.json.bz2"));
    assertThat(store.stats().patients()).isEqualTo(1);
    assertThat(store.stats().resources()).containsEntry("Observation", 56L);
  }
}
