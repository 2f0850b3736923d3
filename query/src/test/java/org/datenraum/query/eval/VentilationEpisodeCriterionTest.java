package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.junit.jupiter.api.Test;

/**
 * The CCDL criterion "invasively ventilated longer than X" on bridged invasive ventilation
 * episodes, against the per-Procedure criterion on the same hand-built patients.
 */
class VentilationEpisodeCriterionTest {

  private static final String SNOMED = "http://snomed.info/sct";
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();
  private int ids;

  private void patient(String id) {
    patients.add(new PatientRecord(id, null, Sex.MALE, false));
  }

  private void ventilation(String patient, String code, double fromHour, double toHour,
      String status) {
    facts.add(new Fact(patient, null, "Procedure", "v" + ids++, new Coding(SNOMED, code),
        T0.plusSeconds(Math.round(fromHour * 3600)), T0.plusSeconds(Math.round(toHour * 3600)),
        new FactValue.Quantity(toHour - fromHour, "h", null), status, List.of(new Attribute("category", new Coding(SNOMED, "40617009")))));
  }

  private static String episode(String filter) {
    return "{\"version\":\"2\",\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\","
        + "\"code\":\"Beatmungsepisode\"},\"termCodes\":[{\"system\":\"" + SNOMED + "\","
        + "\"code\":\"40617009\"}]" + filter + "}]]}";
  }

  private static final String GT_96_H =
      ",\"valueFilter\":{\"type\":\"quantity-comparator\",\"comparator\":\"gt\",\"value\":96,"
          + "\"unit\":{\"code\":\"h\"}}";

  private static Result<Plan> compile(String json) {
    return CcdlParser.parse(json).flatMap(CcdlCompiler.of(Mappings.builtIn())::compile);
  }

  private java.util.Set<String> matching(String json) {
    return ReferenceEvaluator.of(patients, facts).matching(compile(json).value(), TODAY);
  }

  private void planted() {
    for (String p : List.of("bridged", "apart", "single", "niv", "mixed", "error")) {
      patient(p);
    }
    ventilation("bridged", "243147009", 0, 50, "completed");   // 50 h, 10 h gap, 50 h: 110 h
    ventilation("bridged", "243147009", 60, 110, "completed");
    ventilation("apart", "243147009", 0, 50, "completed");     // 50 h, 20 h gap, 50 h
    ventilation("apart", "243147009", 70, 120, "completed");
    ventilation("single", "243147009", 0, 100, "completed");   // one Procedure of 100 h
    ventilation("niv", "428311008", 0, 120, "completed");      // non-invasive, 120 h
    ventilation("mixed", "243147009", 0, 50, "completed");     // invasive, then NIV
    ventilation("mixed", "428311008", 60, 110, "completed");
    ventilation("error", "243147009", 0, 50, "completed");     // the second entered in error
    ventilation("error", "243147009", 60, 110, "entered-in-error");
  }

  @Test
  void episodesBridgeGapsUnder14HoursWhereProceduresCountApart() {
    planted();
    assertThat(matching(episode(GT_96_H))).containsExactly("bridged", "single");
    String perProcedure = episode(GT_96_H).replace("Beatmungsepisode", "Procedure Category");
    assertThat(matching(perProcedure)).as("one Procedure's period")
        .containsExactlyInAnyOrder("single", "niv");
  }

  @Test
  void unitsRangesWindowsAndNoFilter() {
    planted();
    assertThat(matching(episode(GT_96_H.replace("96", "4").replace("\"h\"", "\"d\""))))
        .containsExactly("bridged", "single");
    assertThat(matching(episode(",\"valueFilter\":{\"type\":\"quantity-range\",\"minValue\":100,"
        + "\"maxValue\":105,\"unit\":{\"code\":\"h\"}}"))).containsExactly("single");
    assertThat(matching(episode(""))).containsExactlyInAnyOrder("bridged", "apart", "single",
        "mixed", "error");
    assertThat(matching(episode(GT_96_H + ",\"timeRestriction\":{\"afterDate\":\"2025-01-06\"}")))
        .as("no episode reaches into 6 January").isEmpty();
    assertThat(matching(episode(GT_96_H + ",\"timeRestriction\":{\"afterDate\":\"2025-01-05\"}")))
        .as("episodes ending on 5 January").containsExactly("bridged", "single");
    assertThat(matching(episode(GT_96_H + ",\"timeRestriction\":{\"afterDate\":\"2025-01-05\","
        + "\"beforeDate\":\"2025-01-05\"}"))).containsExactly("bridged", "single");
  }

  @Test
  void filtersThatCannotApplyAreRefused() {
    assertThat(compile(episode(",\"valueFilter\":{\"type\":\"quantity-comparator\","
        + "\"comparator\":\"gt\",\"value\":96,\"unit\":{\"code\":\"mg\"}}")).problem().code())
        .isEqualTo("DR-7303");
    assertThat(compile(episode(",\"valueFilter\":{\"type\":\"concept\",\"selectedConcepts\":"
        + "[{\"system\":\"" + SNOMED + "\",\"code\":\"1\"}]}")).problem().code())
        .isEqualTo("DR-7303");
    assertThat(compile(episode(GT_96_H + ",\"attributeFilters\":[{\"type\":\"concept\","
        + "\"attributeCode\":{\"system\":\"x\",\"code\":\"bodySite\"},\"selectedConcepts\":"
        + "[{\"system\":\"" + SNOMED + "\",\"code\":\"1\"}]}]")).problem().code())
        .isEqualTo("DR-7304");
    assertThat(compile(episode(GT_96_H).replace("40617009", "243147009")).problem().code())
        .as("only the category is a term of the context").isEqualTo("DR-2020");
  }
}
