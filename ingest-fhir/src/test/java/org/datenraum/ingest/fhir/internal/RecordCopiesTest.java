package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.junit.jupiter.api.Test;

/** The values handed between the ingest stages keep what they were given. */
class RecordCopiesTest {

  @Test
  void entriesSubjectsAndFoundCodesCopyTheirCollections() {
    Map<String, String> fullUrls = new HashMap<>(Map.of("urn:uuid:1", "Patient/1"));
    RawEntry entry = new RawEntry("b.json", "entry 1", null, "PUT", "Patient/1", fullUrls);
    List<Coding> codes = new ArrayList<>(List.of(new Coding("http://fhir.de/CodeSystem/bfarm/atc", "A10BA02")));
    FactExtractor.Subject subject = new FactExtractor.Subject("p", null, "r", codes);
    MedicationCodes.Found found = new MedicationCodes.Found(codes, null);

    fullUrls.put("urn:uuid:2", "Patient/2");
    codes.clear();

    assertThat(entry.fullUrls()).containsOnlyKeys("urn:uuid:1");
    assertThat(subject.medication()).hasSize(1);
    assertThat(found.codes()).hasSize(1);
    assertThatThrownBy(() -> new FactExtractor.Subject(null, null, "r", List.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
