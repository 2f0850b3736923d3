package org.datenraum.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Procedure's performedPeriod gives its facts the duration in hours. */
class ProcedureDurationTest {

  private static String procedure(String id, String performed) {
    return "{\"resourceType\":\"Procedure\",\"id\":\"" + id + "\",\"status\":\"completed\","
        + "\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":"
        + "\"http://snomed.info/sct\",\"code\":\"243147009\"}]}," + performed + "}";
  }

  @Test
  void aPeriodWithBothBoundsGivesHours(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Procedure.ndjson");
    Files.writeString(file, String.join("\n",
        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\"}",
        procedure("ventilated", "\"performedPeriod\":{\"start\":\"2024-02-12T08:00:00+01:00\","
            + "\"end\":\"2024-02-16T14:30:00+01:00\"}"),
        procedure("days", "\"performedPeriod\":{\"start\":\"2024-05-01\",\"end\":\"2024-05-03\"}"),
        procedure("open", "\"performedPeriod\":{\"start\":\"2024-05-01T10:00:00Z\"}"),
        procedure("point", "\"performedDateTime\":\"2024-05-01T10:00:00Z\"")) + "\n");
    InMemorySiteStore store = Loads.fresh();
    assertThat(Loads.load(store, file).quarantinedTotal()).isZero();
    Map<String, FactValue> byId = store.facts().filter(f -> f.resourceType().equals("Procedure"))
        .collect(Collectors.toMap(Fact::resourceId, f -> f.value() == null
            ? new FactValue.Text("none") : f.value()));
    assertThat(byId.values()).containsExactlyInAnyOrder(
        new FactValue.Quantity(4 * 24 + 6.5, "h", null),
        new FactValue.Quantity(48, "h", null),
        new FactValue.Text("none"), new FactValue.Text("none"));
  }
}
