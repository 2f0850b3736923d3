package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code r4-elements.tsv} is FHIR R4 as HAPI FHIR models it. After a HAPI FHIR upgrade, run with
 * {@code -Dregenerate=true} to write it anew.
 */
class ElementTypesFileTest {

  private static final Path FILE =
      Path.of("src/main/resources/org/datenraum/ingest/fhir/internal/r4-elements.tsv");

  @Test
  void theElementTypesFileIsHapiFhirsR4Model() throws IOException {
    String expected = R4ElementsFromHapi.text(R4ElementsFromHapi.model());
    if (Boolean.getBoolean("regenerate")) {
      Files.writeString(FILE, expected);
    }
    assertThat(Files.readString(FILE).equals(expected))
        .as("r4-elements.tsv differs from HAPI FHIR's R4 model: run this test with"
            + " -Dregenerate=true and review the difference")
        .isTrue();
  }

  @Test
  void everyR4ResourceTypeHasAShape() {
    for (String type : R4ElementsFromHapi.resourceTypes()) {
      assertThat(ElementShapes.ofResource(type)).as(type).isNotNull();
    }
    assertThat(ElementShapes.ofResource("Quantity")).isNull();
  }
}
