package org.datenraum.web.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.datenraum.core.Result;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Comparator;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TimeRestriction;
import org.datenraum.query.mapping.MappingEntry;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.broker.BrokerPortal;
import org.datenraum.web.kit.Messages;
import org.datenraum.web.kit.PortalKit;
import org.junit.jupiter.api.Test;

/** The editor's draft, its link, the form's criteria and the sentence, without a server. */
class EditorServicesTest {

  private static final TermTree TREE = TermTree.builtIn();
  private static final Messages DE = Messages.of("de", List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE));
  private static final Messages EN = Messages.of("en", List.of(PortalKit.BUNDLE, BrokerPortal.BUNDLE));

  private static Criterion criterion(String term, String cmp, String value, String upper, String after, String before) {
    Result<Criterion> r = new CriterionInput(term, cmp, value, upper, "", after, before).criterion(TREE, EN);
    assertThat(r.isOk()).as(() -> r.problem().text()).isTrue();
    return r.value();
  }

  private static String refused(String term, String cmp, String value, String upper, String after, String before) {
    Result<Criterion> r = new CriterionInput(term, cmp, value, upper, "", after, before).criterion(TREE, EN);
    assertThat(r.isOk()).isFalse();
    return r.problem().text();
  }

  @Test
  void theFormsInputBecomesFiltersInTheTermsUnitAndPeriods() {
    Criterion glucose = criterion("loinc:2345-7", "between", "70", "99,5", "2024-01-01", "");
    assertThat(glucose.valueFilter()).isEqualTo(new Filter.Range(70, 99.5, "mg/dL"));
    assertThat(glucose.timeRestriction()).isEqualTo(new TimeRestriction(LocalDate.of(2024, 1, 1), null));
    assertThat(glucose.context().code()).isEqualTo("Laboruntersuchung");
    Criterion age = new CriterionInput("age", "lt", "18", "", "", "", "").criterion(TREE, EN).value();
    assertThat(age.valueFilter()).isEqualTo(new Filter.Comparison(Comparator.LT, 18, "a"));
    assertThat(criterion("icd:E11", "", "", "", "", "").valueFilter()).isNull();
  }

  @Test
  void badInputIsRefusedWithItsCode() {
    assertThat(refused("icd:Q00", "", "", "", "", "")).startsWith("DR-7020");
    assertThat(refused("diagnose", "", "", "", "", "")).as("a folder is no term").startsWith("DR-7020");
    assertThat(refused("icd:E11", "ge", "5", "", "", "")).startsWith("DR-7021");
    assertThat(refused("age", "ne", "5", "", "", "")).startsWith("DR-7021");
    assertThat(refused("age", "ge", "", "", "", "")).startsWith("DR-7022");
    assertThat(refused("age", "ge", "NaN", "", "", "")).startsWith("DR-7022");
    assertThat(refused("age", "between", "60", "", "", "")).startsWith("DR-7022");
    assertThat(refused("age", "between", "70", "60", "", "")).startsWith("DR-7023");
    assertThat(refused("age", "", "", "", "2024-01-01", "")).startsWith("DR-7024");
    assertThat(refused("icd:E11", "", "", "", "2024-13-01", "")).startsWith("DR-7024");
    assertThat(refused("icd:E11", "", "", "", "2024-02-01", "2024-01-01")).startsWith("DR-7024");
  }

  @Test
  void groupsAreAddedWhereTheyBelongAndRemovedWhenEmptied() {
    Criterion e11 = criterion("icd:E11", "", "", "", "", "");
    Criterion e10 = criterion("icd:E10", "", "", "", "", "");
    Criterion f03 = criterion("icd:F03", "", "", "", "", "");
    assertThat(Draft.empty().with(f03, Draft.Place.parse("ex:new")).problem().code()).isEqualTo("DR-7027");
    Draft d = Draft.empty().with(e11, Draft.Place.parse("in:new")).value()
        .with(e10, Draft.Place.parse("in:0")).value()
        .with(f03, Draft.Place.parse("ex:new")).value();
    assertThat(d.inclusion()).containsExactly(List.of(e11, e10));
    assertThat(d.exclusion()).containsExactly(List.of(f03));
    assertThat(d.without(true, 0, 0).exclusion()).isEmpty();
    assertThat(d.without(false, 0, 0).inclusion()).containsExactly(List.of(e10));
    assertThat(d.without(false, 0, 0).without(false, 0, 0).isEmpty()).isTrue();
    assertThat(d.without(false, 5, 0)).isEqualTo(d);
    assertThat(Draft.Place.parse("javascript:alert(1)")).isEqualTo(new Draft.Place(false, Draft.Place.NEW));
  }

  @Test
  void aDraftSurvivesItsLinkAndABrokenLinkIsRefused() {
    Draft d = Draft.empty().with(criterion("loinc:2345-7", "ge", "126", "", "", "2025-12-31"), Draft.Place.parse("in:new"))
        .value().with(criterion("icd:F03", "", "", "", "", ""), Draft.Place.parse("ex:new")).value();
    String token = DraftCodec.encode(d);
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(DraftCodec.decode(token).value()).isEqualTo(d);
    assertThat(DraftCodec.decode("").value().isEmpty()).isTrue();
    assertThat(DraftCodec.decode("not+base64!").problem().code()).isEqualTo("DR-7028");
    assertThat(DraftCodec.decode(token.substring(0, token.length() / 2)).problem().code()).isEqualTo("DR-7028");
  }

  @Test
  void theSentenceReadsAsTheQueryMeansInBothLanguages() {
    Draft d = Draft.empty().with(criterion("icd:E11", "", "", "", "", ""), Draft.Place.parse("in:new")).value()
        .with(criterion("icd:E10", "", "", "", "", ""), Draft.Place.parse("in:0")).value()
        .with(criterion("loinc:4548-4", "between", "6.5", "9", "2024-01-01", "2024-12-31"), Draft.Place.parse("in:new"))
        .value()
        .with(criterion("icd:F03", "", "", "", "", ""), Draft.Place.parse("ex:new")).value()
        .with(criterion("icd:N18.3", "", "", "", "", ""), Draft.Place.parse("ex:0")).value();
    assertThat(QuerySentence.of(d.query().get(), DE, TREE)).isEqualTo("Patienten mit (Diabetes mellitus, Typ 2 oder"
        + " Diabetes mellitus, Typ 1) und Hämoglobin A1c/Hämoglobin.gesamt im Blut zwischen 6,5 und 9 %, von 2024-01-01"
        + " bis 2024-12-31 und nicht (Nicht näher bezeichnete Demenz und Chronische Nierenkrankheit, Stadium 3).");
    assertThat(QuerySentence.of(d.query().get(), EN, TREE)).startsWith("Patients with (Diabetes mellitus, Typ 2 or")
        .contains(" between 6.5 and 9 %, from 2024-01-01 until 2024-12-31 and not (");
  }

  @Test
  void theVentilationEpisodeIsPickedFromTheTreeAsTheFeasibilityQueryReadsIt() throws Exception {
    Criterion episode = criterion("sct-episode:40617009", "gt", "96", "", "", "");
    CcdlQuery example = CcdlParser.parse(Files.readString(Path.of("..", "examples", "queries",
        "invasive-ventilation-episode-over-96h.json"))).value();
    Criterion written = example.inclusion().get(0).get(0);
    assertThat(episode.context().code()).isEqualTo(written.context().code()).isEqualTo("Beatmungsepisode");
    assertThat(episode.termCodes()).extracting(c -> c.system() + "|" + c.code())
        .containsExactly(written.termCodes().get(0).system() + "|" + written.termCodes().get(0).code());
    assertThat(episode.valueFilter()).isEqualTo(written.valueFilter());
    Draft d = Draft.empty().with(episode, Draft.Place.parse("in:new")).value();
    assertThat(CcdlCompiler.of(Mappings.builtIn()).compile(d.query().get()).isOk()).isTrue();
    assertThat(Mappings.builtIn().resolve(episode.context(), episode.termCodes().get(0)).orElseThrow())
        .isInstanceOf(MappingEntry.VentilationEpisode.class);

    assertThat(QuerySentence.of(d.query().get(), DE, TREE)).isEqualTo("Patienten mit Invasive Beatmungsepisode"
        + " (Länge einer Episode; Beatmungen unter 14 h Abstand zählen als eine) > 96 h.");
    Criterion category = criterion("sct-category:40617009", "", "", "", "", "");
    assertThat(category.context().code()).isEqualTo("Prozedurenkategorie");
    assertThat(QuerySentence.criterion(category, EN, TREE)).isEqualTo("Artificial ventilation (any form, category)");
    assertThat(TREE.search("Beatmungsepisode", 10)).extracting(t -> t.id()).containsExactly("sct-episode:40617009");
  }
}
