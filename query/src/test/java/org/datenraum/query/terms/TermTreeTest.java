package org.datenraum.query.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.datenraum.query.mapping.Mappings;
import org.junit.jupiter.api.Test;

class TermTreeTest {

  private final TermTree tree = TermTree.builtIn();

  @Test
  void everyTermIsKnownToTheBuiltInMappingUnderItsContext() {
    List<Term> terms = tree.all().stream().filter(t -> !t.folder()).toList();
    assertThat(terms).hasSizeGreaterThan(100);
    for (Term t : terms) {
      assertThat(Mappings.builtIn().resolve(t.contextCode(), t.termCode())).as(t.id()).isPresent();
    }
  }

  @Test
  void searchFindsByGermanOrEnglishTextAndByCodePrefix() {
    assertThat(tree.search("diabetes", 10)).extracting(Term::code).containsExactly("E10", "E11", "E11.90");
    assertThat(tree.search("E11", 10)).extracting(Term::code).containsExactly("E11", "E11.90");
    assertThat(tree.search("age", 10)).extracting(Term::id).contains("age");
    assertThat(tree.search("  ", 10)).isEmpty();
    assertThat(tree.search("e", 3)).hasSize(3);
  }

  @Test
  void theTreeNestsCodesUnderTheirCategoryAndChapter() {
    Term e11 = tree.byCode("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11").orElseThrow();
    assertThat(tree.children(e11.id())).extracting(Term::code).containsExactly("E11.90");
    assertThat(tree.find(e11.parent()).orElseThrow().german()).startsWith("Kapitel IV");
    assertThat(tree.roots()).extracting(Term::id)
        .containsExactly("diagnose", "prozedur", "labor", "medikation", "patient", "einwilligung");
    assertThat(e11.display("en")).isEqualTo(e11.german());
    assertThat(tree.find("age").orElseThrow().valueUnit()).isEqualTo("a");
    assertThat(tree.find("age").orElseThrow().time()).isFalse();
    assertThat(tree.find("loinc:2345-7").orElseThrow().valueUnit()).isEqualTo("mg/dL");
    assertThat(e11.takesValue()).isFalse();
  }

  @Test
  void aMalformedFileIsRefused() {
    assertThatThrownBy(() -> TermTree.parse(List.of("a\t\tfolder"))).hasMessageContaining("expected 10");
    assertThatThrownBy(() -> TermTree.parse(List.of("a\tb\tterm\tDiagnose\ts\tc\td\t\t\tyes")))
        .hasMessageContaining("before its parent");
  }
}
