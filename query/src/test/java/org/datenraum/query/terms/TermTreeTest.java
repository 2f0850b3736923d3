package org.datenraum.query.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.query.mapping.MappingEntry;
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
        .containsExactly("diagnose", "prozedur", "labor", "medikation", "snomed-prozedur", "bioprobe", "bildgebung",
            "bildgebungsbefund", "patient", "einwilligung");
    assertThat(e11.display("en")).isEqualTo(e11.german());
    assertThat(tree.find("age").orElseThrow().valueUnit()).isEqualTo("a");
    assertThat(tree.find("age").orElseThrow().time()).isFalse();
    assertThat(tree.find("loinc:2345-7").orElseThrow().valueUnit()).isEqualTo("mg/dL");
    assertThat(e11.takesValue()).isFalse();
  }

  @Test
  void specimenImagingAndSnomedTermsResolveToTheirResources() {
    assertThat(below("bioprobe")).hasSize(11).allSatisfy(t -> {
      assertThat(t.system()).isEqualTo("http://snomed.info/sct");
      assertThat(resourceTypes(t)).as(t.id()).containsExactly("Specimen");
    });
    assertThat(below("bildgebung")).hasSizeGreaterThan(10)
        .allSatisfy(t -> assertThat(resourceTypes(t)).as(t.id()).containsExactly("ImagingStudy"));
    assertThat(below("snomed-prozedur")).hasSize(7).filteredOn(t -> !t.context().equals("Beatmungsepisode"))
        .hasSize(6).allSatisfy(t -> {
      assertThat(t.system()).isEqualTo("http://snomed.info/sct");
      assertThat(resourceTypes(t)).as(t.id()).containsExactly("Procedure");
    });
    assertThat(below("bildgebungsbefund")).allSatisfy(t -> assertThat(resourceTypes(t)).as(t.id())
        .containsExactly(t.context().equals("Radiologischer Befundbericht") ? "DiagnosticReport" : "Observation"));
    assertThat(below("bildgebungsbefund")).extracting(Term::context)
        .contains("Bildgebungsbefund", "Bildgebungsbiomarker", "Radiologischer Befundbericht");
  }

  @Test
  void theVentilationCategoryHoldsTheVentilationProcedures() {
    Term category = tree.byCode("http://snomed.info/sct", "40617009").orElseThrow();
    assertThat(category.context()).isEqualTo("Prozedurenkategorie");
    assertThat(tree.children(category.id())).extracting(Term::code).contains("428311008", "426854004", "57485005");
    assertThat(tree.find("dicom:SliceThickness").orElseThrow().valueUnit()).isEqualTo("mm");
    assertThat(tree.find("specimen:119364003").orElseThrow().valueUnit()).isEqualTo("mL");
  }

  @Test
  void theVentilationEpisodeIsATermOfItsOwnContextBesideTheCategoryOfTheSameCode() {
    Term episode = tree.byCode("Beatmungsepisode", "http://snomed.info/sct", "40617009").orElseThrow();
    Term category = tree.byCode("Prozedurenkategorie", "http://snomed.info/sct", "40617009").orElseThrow();
    assertThat(episode.id()).isEqualTo("sct-episode:40617009").isNotEqualTo(category.id());
    assertThat(episode.valueUnit()).isEqualTo("h");
    assertThat(episode.time()).isTrue();
    assertThat(Mappings.builtIn().resolve(episode.contextCode(), episode.termCode()).orElseThrow())
        .isInstanceOf(MappingEntry.VentilationEpisode.class);
    assertThat(tree.byCode("Diagnose", "http://snomed.info/sct", "40617009")).isEmpty();
  }

  @Test
  void searchFindsSpecimenImagingAndVentilationTerms() {
    assertThat(tree.search("Serum", 30)).extracting(Term::id).contains("specimen:119364003");
    assertThat(tree.search("CT", 30)).extracting(Term::id).contains("dcm:CT", "finding:ct-severity-score");
    assertThat(tree.search("Beatmung", 30)).extracting(Term::id)
        .contains("sct-category:40617009", "sct:243147009", "sct:428311008");
    assertThat(tree.search("prone position", 30)).extracting(Term::code).containsExactly("431182000");
    assertThat(tree.search("Serumprobe", 30)).extracting(Term::english).containsExactly("Serum specimen");
  }

  private List<Term> below(String id) {
    List<Term> out = new ArrayList<>();
    for (Term c : tree.children(id)) {
      if (!c.folder()) {
        out.add(c);
      }
      out.addAll(below(c.id()));
    }
    return out;
  }

  private static Set<String> resourceTypes(Term t) {
    MappingEntry e = Mappings.builtIn().resolve(t.contextCode(), t.termCode()).orElseThrow();
    return ((MappingEntry.Facts) e).resourceTypes();
  }

  @Test
  void aMalformedFileIsRefused() {
    assertThatThrownBy(() -> TermTree.parse(List.of("a\t\tfolder"))).hasMessageContaining("expected 10");
    assertThatThrownBy(() -> TermTree.parse(List.of("a\tb\tterm\tDiagnose\ts\tc\td\t\t\tyes")))
        .hasMessageContaining("before its parent");
  }
}
