package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MedicationAdministration's infusion rate becomes its facts' value. */
class InfusionRateTest {

  private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\"}";

  private static String administration(String id, String dosage) {
    return "{\"resourceType\":\"MedicationAdministration\",\"id\":\"" + id + "\","
        + "\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},"
        + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://fhir.de/CodeSystem/bfarm/atc\","
        + "\"code\":\"C01CA03\"}]},\"effectivePeriod\":{\"start\":\"2024-01-01T10:00:00Z\","
        + "\"end\":\"2024-01-01T11:00:00Z\"}" + (dosage == null ? "" : ",\"dosage\":" + dosage) + "}";
  }

  @Test
  void rateQuantityAndRateRatioBecomeTheValue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("MedicationAdministration.ndjson");
    Files.writeString(file, String.join("\n", PATIENT,
        administration("q", "{\"rateQuantity\":{\"value\":0.12,\"unit\":\"µg/kg/min\","
            + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"ug/kg/min\"}}"),
        administration("r", "{\"rateRatio\":{\"numerator\":{\"value\":2,\"system\":"
            + "\"http://unitsofmeasure.org\",\"code\":\"mg\"},\"denominator\":{\"value\":4,"
            + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"h\"}}}"),
        administration("k", "{\"rateRatio\":{\"numerator\":{\"value\":0.3,\"code\":\"ug\","
            + "\"system\":\"http://unitsofmeasure.org\"},\"denominator\":{\"value\":1,"
            + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg.min\"}}}"),
        administration("none", "{\"route\":{\"coding\":[{\"system\":\"http://standardterms.edqm.eu\","
            + "\"code\":\"20045000\"}]}}")) + "\n");
    InMemorySiteStore store = Loads.fresh();
    assertThat(Loads.load(store, file).quarantinedTotal()).isZero();
    List<FactValue> values = store.facts()
        .filter(f -> f.resourceType().equals("MedicationAdministration"))
        .map(Fact::value).toList();
    assertThat(values).containsExactlyInAnyOrder(
        new FactValue.Quantity(0.12, "ug/kg/min", null),
        new FactValue.Quantity(0.5, "mg/h", null),
        new FactValue.Quantity(0.3, "ug/(kg.min)", null),
        null);
  }

  @Test
  void aRateWithoutAValueLoadsWithoutOneAndAWordForANumberIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("MedicationAdministration.ndjson");
    Files.writeString(file, String.join("\n", PATIENT,
        administration("ext", "{\"rateQuantity\":{\"extension\":[{\"url\":\"http://example.org/x\","
            + "\"valueCode\":\"unknown\"}]}}"),
        administration("half", "{\"rateRatio\":{\"numerator\":{\"value\":2,\"code\":\"mg\"}}}"),
        administration("zero", "{\"rateRatio\":{\"numerator\":{\"value\":2,\"code\":\"mg\"},"
            + "\"denominator\":{\"value\":0,\"code\":\"h\"}}}"),
        administration("word", "{\"rateQuantity\":{\"value\":\"fast\",\"code\":\"mL/h\"}}")) + "\n");
    InMemorySiteStore store = Loads.fresh();
    assertThat(Loads.load(store, file).quarantinedTotal()).isEqualTo(1);
    assertThat(store.quarantine()).singleElement().satisfies(q -> assertThat(q.resourceId()).isNotNull());
    assertThat(store.facts().filter(f -> f.resourceType().equals("MedicationAdministration")).map(Fact::value))
        .hasSize(3).containsOnlyNulls();
  }
}
