package org.datenraum.query.ccdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.core.Result;
import org.datenraum.query.TestData;
import org.junit.jupiter.api.Test;

class CcdlWriterTest {

  @Test
  void everySharedQueryTheParserAcceptsIsReadBackEqualAfterWriting() throws IOException {
    int checked = 0;
    for (String dir : List.of("ontgen", "sq2cql", "flare", "spec")) {
      Path d = TestData.ccdl(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(d)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          Result<CcdlQuery> first = CcdlParser.parse(Files.readString(f));
          if (!first.isOk()) {
            continue;
          }
          Result<CcdlQuery> again = CcdlParser.parse(CcdlWriter.write(first.value()));
          assertThat(again.isOk()).as(f.toString()).isTrue();
          assertThat(again.value()).as(f.toString()).isEqualTo(first.value());
          checked++;
        }
      }
    }
    assertThat(checked).as("queries checked").isGreaterThan(20);
  }

  @Test
  void aTimeRelationIsReadBackEqual() {
    TermCode ctx = new TermCode("fdpg.mii.cds", "Diagnose", null, null);
    Criterion related = Criterion.of(new TermCode("fdpg.mii.cds", "Prozedur", null, null), TermCode.of("ops", "5-820"));
    Criterion c = new Criterion(ctx, List.of(TermCode.of("icd", "T84")), null, List.of(), null,
        new TimeRelation(List.of(related), 0.0, 30.5));
    CcdlQuery q = new CcdlQuery("2", null, List.of(List.of(c)), List.of());
    assertThat(CcdlParser.parse(CcdlWriter.write(q)).value()).isEqualTo(q);
  }

  @Test
  void filtersAndTimesAreWrittenAsCcdlSpellsThem() {
    TermCode ctx = new TermCode("fdpg.mii.cds", "Laboruntersuchung", null, null);
    Criterion lab = new Criterion(ctx, List.of(TermCode.of("http://loinc.org", "2345-7")),
        new Filter.Range(70, 99.5, "mg/dL"), List.of(), new TimeRestriction(LocalDate.of(2024, 1, 1), null));
    Criterion age = new Criterion(new TermCode("fdpg.mii.cds", "Patient", null, null),
        List.of(TermCode.of("http://snomed.info/sct", "424144002")), new Filter.Comparison(Comparator.GE, 60, "a"),
        List.of(), null);
    String json = CcdlWriter.write(new CcdlQuery(CcdlWriter.VERSION, "t", List.of(List.of(lab)), List.of(List.of(age))));
    assertThat(json).contains("\"minValue\" : 70,").contains("\"maxValue\" : 99.5").contains("\"afterDate\" : \"2024-01-01\"")
        .contains("\"comparator\" : \"ge\"").contains("\"value\" : 60").contains("\"exclusionCriteria\"")
        .doesNotContain("beforeDate").contains(CcdlWriter.VERSION);
  }
}
