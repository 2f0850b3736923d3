package org.datenraum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreValuesTest {

  @Test
  void codingParsesAtTheLastBar() {
    assertThat(Coding.parse("http://loinc.org|718-7")).isEqualTo(new Coding("http://loinc.org", "718-7"));
    assertThat(Coding.parse("urn:x|a|b")).isEqualTo(new Coding("urn:x|a", "b"));
    assertThat(Coding.parse("|E11")).isEqualTo(new Coding("", "E11"));
    assertThatThrownBy(() -> Coding.parse("E11")).hasMessageContaining("`E11`");
  }

  @Test
  void resultCarriesAValueOrAProblem() {
    Result<Integer> ok = Result.ok(2);
    Result<Integer> fail = Result.fail(Problem.invalid("DR-0001", "broken"));
    assertThat(ok.map(i -> i * 21).value()).isEqualTo(42);
    assertThat(fail.map(i -> i * 21).problem().code()).isEqualTo("DR-0001");
    assertThat(ok.flatMap(i -> Result.<Integer>fail(Problem.notFound("DR-0002", "gone")))
        .problem().category()).isEqualTo(Problem.Category.NOT_FOUND);
    assertThatThrownBy(fail::value).hasMessage("DR-0001 broken");
    assertThatThrownBy(ok::problem).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void factsCopyTheirAttributesAndRedactTheirPatient() {
    List<Attribute> attrs = new ArrayList<>(List.of(new Attribute("a", new Coding("s", "c"))));
    Fact f = new Fact("patient-pseudonym", null, "Condition", "r1", new Coding("s", "E11"), null,
        null, null, null, attrs);
    attrs.clear();
    assertThat(f.attributes()).hasSize(1);
    assertThat(f.toString()).doesNotContain("patient-pseudonym");
    assertThat(new PatientRecord("p-secret", YearMonth.of(1970, 1), Sex.FEMALE, false).toString())
        .doesNotContain("p-secret").doesNotContain("1970");
  }

  @Test
  void sexFromAdministrativeGender() {
    assertThat(Sex.ofCode("female")).isEqualTo(Sex.FEMALE);
    assertThat(Sex.ofCode("divers")).isEqualTo(Sex.UNKNOWN);
    assertThat(Sex.ofCode(null)).isEqualTo(Sex.UNKNOWN);
  }
}
