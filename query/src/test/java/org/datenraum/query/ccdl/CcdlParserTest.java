package org.datenraum.query.ccdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.core.Result;
import org.datenraum.query.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CcdlParserTest {

  private static final Path DRAFT_2021 = TestData.ccdl("misc/backend-2021_10_18_StructuredQueryV2Example.json");

  static Stream<Path> queries() {
    return TestData.ccdlQueries().stream().filter(p -> !p.equals(DRAFT_2021));
  }

  @Test
  void findsTheSharedQueries() {
    assertThat(TestData.ccdlQueries()).hasSizeGreaterThan(50).contains(DRAFT_2021);
  }

  @ParameterizedTest
  @MethodSource("queries")
  void parsesEverySharedQuery(Path file) {
    Result<CcdlQuery> result = CcdlParser.parse(TestData.read(file));

    assertThat(result.isOk()).as(() -> file + ": " + (result.isOk() ? "" : result.problem().text())).isTrue();
    assertThat(result.value().inclusion()).isNotEmpty();
  }

  @Test
  void rejectsTheDraftFormatNamingTheExpectedOne() {
    Result<CcdlQuery> result = CcdlParser.parse(TestData.read(DRAFT_2021));

    assertThat(result.isOk()).isFalse();
    assertThat(result.problem().text())
        .startsWith("DR-2009 Criterion at $.inclusionCriteria[0][0] has no `context`")
        .contains("http://to_be_decided.com/draft-2/schema#")
        .contains("\"version\": \"2\"");
  }

  @Test
  void readsEveryFeatureOfTheAllPropertiesExample() {
    CcdlQuery q = CcdlParser.parse(TestData.read(TestData.ccdl("spec/ccdl-all-properties.json"))).value();

    assertThat(q.version()).isEqualTo("2");
    assertThat(q.inclusion()).hasSize(4);
    assertThat(q.exclusion()).hasSize(3);
    Criterion age = q.inclusion().get(1).get(0);
    assertThat(age.valueFilter()).isEqualTo(new Filter.Comparison(Comparator.GT, 18, "a"));
    Criterion f09 = q.inclusion().get(2).get(1);
    assertThat(f09.timeRestriction())
        .isEqualTo(new TimeRestriction(LocalDate.of(2021, 9, 9), LocalDate.of(2021, 10, 9)));
    Filter.Reference ref = (Filter.Reference) q.inclusion().get(3).get(0).attributeFilters().get(0).filter();
    assertThat(ref.criteria()).hasSize(2);
    assertThat(ref.criteria().get(0).attributeFilters().get(0).attributeCode().code()).isEqualTo("status");
    Criterion temperature = q.exclusion().get(2).get(1);
    assertThat(temperature.valueFilter()).isEqualTo(new Filter.Range(35, 39, "Cel"));
    assertThat(temperature.attributeFilters().get(0).filter()).isInstanceOf(Filter.Concept.class);
  }

  @Test
  void parsesTheQueryCarriedInTheDsfFeasibilityBundle() throws Exception {
    var bundle = new ObjectMapper().readTree(TestData.read(TestData.ccdl("misc/dsf-feasibility-request-bundle.json")));
    String ccdl = null;
    for (var entry : bundle.get("entry")) {
      for (var content : entry.path("resource").path("content")) {
        if (content.path("contentType").asText().equals("application/json")) {
          ccdl = new String(Base64.getDecoder().decode(content.get("data").asText()), "UTF-8");
        }
      }
    }

    Result<CcdlQuery> q = CcdlParser.parse(ccdl);

    assertThat(q.isOk()).isTrue();
    assertThat(q.value().inclusion().get(0).get(0).context().code()).isEqualTo("Patient");
  }

  @Test
  void parsesTheLargeSq2cqlQueries() {
    for (String name : List.of("large-query-worst-case-with-time-constraints.json", "test-large-query-more-crit-time-rest-1.json")) {
      CcdlQuery q = CcdlParser.parse(TestData.read(TestData.ccdl("sq2cql/" + name))).value();
      assertThat(q.exclusion()).isNotEmpty();
      assertThat(q.inclusion().get(0).get(0).termCodes().get(0).code()).isEqualTo("8-810");
    }
  }
}
