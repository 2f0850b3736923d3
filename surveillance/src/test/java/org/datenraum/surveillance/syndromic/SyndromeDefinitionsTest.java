package org.datenraum.surveillance.syndromic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datenraum.core.Result;
import org.junit.jupiter.api.Test;

class SyndromeDefinitionsTest {

  private static final Map<String, SyndromeDefinition> BUILT_IN = SyndromeDefinitions.builtIn()
      .stream().collect(Collectors.toMap(SyndromeDefinition::id, Function.identity()));

  private static EdVisit visit(Set<String> diagnoses, Set<String> complaints, boolean admitted) {
    return new EdVisit(LocalDate.of(2025, 2, 3), OptionalInt.of(40), diagnoses, complaints,
        admitted);
  }

  private static Set<String> cases(EdVisit v) {
    return BUILT_IN.values().stream().filter(d -> d.matches(v)).map(SyndromeDefinition::id)
        .collect(Collectors.toSet());
  }

  @Test
  void builtInDefinesTheSixRkiSyndromes() {
    assertThat(SyndromeDefinitions.builtIn()).extracting(SyndromeDefinition::id)
        .containsExactly("ARI", "SARI", "ILI", "COVID", "GI", "HEAT");
    assertThat(BUILT_IN.values()).allSatisfy(d -> assertThat(d.source()).isNotBlank());
  }

  @Test
  void influenzaWithPneumoniaAdmittedIsAriSariAndIli() {
    assertThat(cases(visit(Set.of("J10.0", "I10.90"), Set.of("661"), true)))
        .containsExactlyInAnyOrder("ARI", "SARI", "ILI");
    assertThat(cases(visit(Set.of("J10.0"), Set.of("661"), false)))
        .containsExactlyInAnyOrder("ARI", "ILI");
  }

  @Test
  void upperRespiratoryInfectionIsAriButNeverSari() {
    assertThat(cases(visit(Set.of("J06.9"), Set.of("154"), true))).containsExactly("ARI");
  }

  @Test
  void complaintAloneMakesAriAndGiButNotDiagnosisOnlySyndromes() {
    assertThat(cases(visit(Set.of(), Set.of("653"), true))).containsExactly("ARI");
    assertThat(cases(visit(Set.of(), Set.of("254"), false))).containsExactly("GI");
    assertThat(cases(visit(Set.of(), Set.of("257"), false))).containsExactly("GI");
  }

  @Test
  void iliCoversJ09ToJ11Only() {
    SyndromeDefinition ili = BUILT_IN.get("ILI");
    for (String code : List.of("J09", "J09.X1", "J10.1", "J11.8")) {
      assertThat(ili.matches(visit(Set.of(code), Set.of(), false))).as(code).isTrue();
    }
    for (String code : List.of("J12.1", "J06.9", "J21.0", "I10")) {
      assertThat(ili.matches(visit(Set.of(code), Set.of(), false))).as(code).isFalse();
    }
  }

  @Test
  void covidIsU071WithOrWithoutTheGmMarker() {
    SyndromeDefinition covid = BUILT_IN.get("COVID");
    assertThat(covid.matches(visit(Set.of("U07.1"), Set.of(), false))).isTrue();
    assertThat(covid.matches(visit(Set.of("U07.1!"), Set.of(), false))).isTrue();
    assertThat(covid.matches(visit(Set.of("U07.2"), Set.of(), false))).isFalse();
    assertThat(covid.matches(visit(Set.of("U07.10"), Set.of(), false))).isTrue();
  }

  @Test
  void noCaseForCardiacChestPainOrCopdExacerbation() {
    assertThat(cases(visit(Set.of("I21.4"), Set.of("003"), true))).isEmpty();
    assertThat(cases(visit(Set.of("J44.19"), Set.of("651"), true))).isEmpty();
  }

  @Test
  void gastroenteritisAndHeat() {
    assertThat(cases(visit(Set.of("A08.1"), Set.of("251"), false))).containsExactly("GI");
    assertThat(cases(visit(Set.of("K35.8"), Set.of("251"), true))).isEmpty();
    assertThat(cases(visit(Set.of("T67.0"), Set.of("007"), false))).containsExactly("HEAT");
    assertThat(cases(visit(Set.of("E86"), Set.of("007"), true))).containsExactly("HEAT");
  }

  @Test
  void bothRequiresDiagnosisAndComplaint() {
    SyndromeDefinition d = SyndromeDefinitions.parse(
        "X\tx\tA00-A09\t254\tboth\t-\tsrc\n", "t.tsv").value().get(0);
    assertThat(d.matches(visit(Set.of("A09.9"), Set.of("254"), false))).isTrue();
    assertThat(d.matches(visit(Set.of("A09.9"), Set.of("251"), false))).isFalse();
    assertThat(d.matches(visit(Set.of("K35.8"), Set.of("254"), false))).isFalse();
  }

  @Test
  void badTablesNameTheLineAndTheFix() {
    Result<List<SyndromeDefinition>> columns = SyndromeDefinitions.parse(
        "# header\nARI\tx\tJ00-J22\n", "mine.tsv");
    assertThat(columns.problem().code()).isEqualTo("DR-6301");
    assertThat(columns.problem().message()).contains("`mine.tsv` line 2", "expected 7");

    Result<List<SyndromeDefinition>> range = SyndromeDefinitions.parse(
        "ARI\tx\tJ22-J00\t-\tany\t-\tsrc\n", "mine.tsv");
    assertThat(range.problem().code()).isEqualTo("DR-6302");
    assertThat(range.problem().message()).contains("line 1", "`J22-J00`");

    Result<List<SyndromeDefinition>> combination = SyndromeDefinitions.parse(
        "ARI\tx\tJ00-J22\t-\teither\t-\tsrc\n", "mine.tsv");
    assertThat(combination.problem().message()).contains("`any` or `both`", "`either`");

    Result<List<SyndromeDefinition>> twice = SyndromeDefinitions.parse(
        "A\tx\tJ00\t-\tany\t-\ts\nA\ty\tJ01\t-\tany\t-\ts\n", "mine.tsv");
    assertThat(twice.problem().code()).isEqualTo("DR-6303");
  }

  @Test
  void pathogenFindingsNeedAPositiveResultOfTheirTest() {
    Map<String, PathogenDefinition> p = PathogenDefinitions.builtIn().stream()
        .collect(Collectors.toMap(PathogenDefinition::id, Function.identity()));
    assertThat(p.keySet()).containsExactlyInAnyOrder("MRSA", "VRE", "INFLUENZA", "RSV",
        "SARS-COV-2", "NOROVIRUS");
    LocalDate day = LocalDate.of(2025, 1, 1);
    LabResult positive = new LabResult(1, day, OptionalInt.of(70), "54906-3",
        "http://snomed.info/sct|10828004", Set.of("POS"));
    LabResult negative = new LabResult(1, day, OptionalInt.of(70), "54906-3",
        "http://snomed.info/sct|260385009", Set.of("POS"));
    LabResult interpretedOnly = new LabResult(1, day, OptionalInt.of(70), "13317-3", "",
        Set.of("POS"));
    assertThat(p.get("NOROVIRUS").detects(positive)).isTrue();
    assertThat(p.get("NOROVIRUS").detects(negative)).isFalse();
    assertThat(p.get("NOROVIRUS").tests(negative)).isTrue();
    assertThat(p.get("RSV").detects(positive)).isFalse();
    assertThat(p.get("MRSA").detects(interpretedOnly)).isTrue();
  }
}
