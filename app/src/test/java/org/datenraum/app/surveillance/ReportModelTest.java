package org.datenraum.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report model: grouped records that copy what they are given and are written flat as before. */
class ReportModelTest {

  private static ReportModel.SignalRow row(Map<String, String> parameters) {
    return new ReportModel.SignalRow(1, new ReportModel.SeriesLabel("ari/all", "syndrome", "ari", "ARI", "all"),
        new ReportModel.Reading("2025-W05", "2025-01-27", 40, 12.5, 30.1, 400),
        new ReportModel.MethodUsed("farrington-flexible", parameters));
  }

  @Test
  void theModelKeepsWhatItWasGivenWhenTheCallerChangesItsCollections() {
    Map<String, String> parameters = new HashMap<>(Map.of("b", "2"));
    List<ReportModel.SignalRow> signals = new ArrayList<>(List.of(row(parameters)));
    List<String> notes = new ArrayList<>(List.of("flu/0-4: too few weeks"));
    ReportModel m = new ReportModel(new ReportModel.Heading("Report", "Klinikum", "2025-01-01", "2025-03-31",
        "2025-04-01"), new ReportModel.MethodUsed("farrington-flexible", parameters), "WEEKLY", List.of(),
        List.of(), signals, List.of(), notes);

    parameters.put("alpha", "0.5");
    signals.clear();
    notes.add("changed");

    assertThat(m.parameters()).containsExactly(Map.entry("b", "2"));
    assertThat(m.signals()).hasSize(1);
    assertThat(m.signals().get(0).parameters()).containsOnlyKeys("b");
    assertThat(m.notes()).containsExactly("flu/0-4: too few weeks");
    assertThatThrownBy(() -> m.signals().add(row(Map.of()))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theGroupsAreWrittenFlatAsThePortalReadsThem() throws Exception {
    ReportModel m = new ReportModel(new ReportModel.Heading("Report", "Klinikum", "2025-01-01", "2025-03-31",
        "2025-04-01"), new ReportModel.MethodUsed("farrington-flexible", Map.of("b", "2")), "WEEKLY", List.of(),
        List.of(), List.of(row(Map.of("b", "2"))), List.of(), List.of());
    JsonNode json = new ObjectMapper().readTree(ReportHtml.json(m));
    assertThat(json.fieldNames()).toIterable().contains("title", "site", "first", "last", "generated", "method",
        "parameters", "aggregation", "signals").doesNotContain("heading", "evaluation");
    JsonNode signal = json.get("signals").get(0);
    assertThat(signal.fieldNames()).toIterable().contains("number", "series", "kind", "indicator", "label",
        "ageGroup", "epoch", "start", "observed", "expected", "upperBound", "denominator", "method", "parameters")
        .doesNotContain("name", "reading", "evaluation");
    assertThat(signal.get("upperBound").asDouble()).isEqualTo(30.1);
  }
}
