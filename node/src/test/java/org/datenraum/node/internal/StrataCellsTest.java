package org.datenraum.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.node.Cohorts;
import org.datenraum.privacy.CellKey;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.privacy.DisclosurePolicy;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;

class StrataCellsTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final Coding DIABETES = new Coding(ICD, "E11.9");
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void everyCellOfEveryStratumIsAnsweredAndTheEmptyOnesAreSuppressed() throws Exception {
    InMemorySiteStore store = new InMemorySiteStore();
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String p = "p" + i;
      records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, YearMonth.of(1955, 3), Sex.FEMALE, false), List.of()));
      Instant at = Instant.parse("2023-04-01T00:00:00Z");
      records.add(new ResourceRecord(new ResourceKey("Condition", "c" + i), p, null, List.of(new Fact(p, null,
          "Condition", "c" + i, DIABETES, at, at, null, "active", List.of())), "{}", null, List.of()));
    }
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    Answering answering = new Answering(Cohorts.reference(store), Mappings.builtIn(),
        DisclosureControl.of(DisclosurePolicy.defaults(), CellKey.of(new byte[32])), ConsentPolicy.EXCLUDE_DENIED,
        Clock.fixed(NOW, ZoneOffset.UTC));
    RequestDocument d = new RequestDocument("r1", "alice", RequestType.STRATIFIED, new ObjectMapper().readTree(
        "{\"version\":\"http://to_be_decided.com/draft-2/schema#\",\"inclusionCriteria\":[[{\"context\":"
            + "{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},\"termCodes\":[{\"system\":\"" + ICD
            + "\",\"code\":\"E11\"}]}]]}"), List.of(Stratum.SEX, Stratum.AGE, Stratum.YEAR), DIABETES, NOW,
        NOW.plusSeconds(60));

    SiteResult answer = answering.answer(d, answering.plan(d).value());

    LocalDate today = LocalDate.of(2025, 6, 1);
    assertThat(answer.strata().get("sex")).containsOnlyKeys("male", "female", "other", "unknown");
    assertThat(answer.strata().get("age")).containsOnlyKeys(StratumCells.domain(Stratum.AGE, today));
    assertThat(answer.strata().get("age")).containsKeys("0-9", "90-99", "100+", "unknown");
    assertThat(answer.strata().get("year")).containsOnlyKeys(StratumCells.domain(Stratum.YEAR, today));
    assertThat(answer.strata().get("year")).containsKeys("earlier", "2006", "2025", "later", "unknown");
    assertThat(answer.strata().get("year")).hasSize(23);
    assertThat(answer.strata().get("sex").get("female").isSuppressed()).isFalse();
    assertThat(answer.strata().get("age").get("70-79").isSuppressed()).isFalse();
    assertThat(answer.strata().get("year").get("2023").isSuppressed()).isFalse();
    long released = answer.strata().values().stream().flatMap(cells -> cells.values().stream())
        .filter(c -> !c.isSuppressed()).count();
    assertThat(released).isEqualTo(3);
    assertThat(answer.strata().get("sex").get("male")).isEqualTo(Count.suppressed());
  }

  @Test
  void agesAndYearsFallIntoTheirCells() {
    LocalDate today = LocalDate.of(2025, 6, 1);
    assertThat(StratumCells.ageBand(new PatientRecord("a", YearMonth.of(1920, 1), Sex.MALE, false), today))
        .isEqualTo("100+");
    assertThat(StratumCells.ageBand(new PatientRecord("b", YearMonth.of(2030, 1), Sex.MALE, false), today))
        .isEqualTo("unknown");
    assertThat(StratumCells.ageBand(new PatientRecord("c", null, Sex.MALE, false), today)).isEqualTo("unknown");
    assertThat(StratumCells.ageBand(new PatientRecord("d", YearMonth.of(2025, 5), Sex.MALE, false), today))
        .isEqualTo("0-9");
    assertThat(StratumCells.yearCell(2006, today)).isEqualTo("2006");
    assertThat(StratumCells.yearCell(2005, today)).isEqualTo("earlier");
    assertThat(StratumCells.yearCell(2026, today)).isEqualTo("later");
    assertThat(StratumCells.yearCell(null, today)).isEqualTo("unknown");
  }
}
