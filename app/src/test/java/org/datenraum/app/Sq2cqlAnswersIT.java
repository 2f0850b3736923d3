package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.query.ccdl.CcdlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sq2cql's acceptance answers on {@code testData.json} (ccdl/README.md), loaded through the real
 * FHIR ingest into DuckDB and counted by the indexed executor and by {@code datenraum query}.
 */
class Sq2cqlAnswersIT {

  @TempDir static Path tmp;
  private static LoadedSite site;

  @BeforeAll
  static void load() {
    site = LoadedSite.load(tmp.resolve("site"), Cli.testData("ccdl/sq2cql/testData.json"));
  }

  @AfterAll
  static void close() {
    site.close();
  }

  private static Path query(String name) {
    return Cli.testData("ccdl/sq2cql/" + name);
  }

  @Test
  void everyReturningOnePatientQueryCountsOne() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(query("returningOnePatient"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path f : files) {
      assertThat(site.count(f)).as("%s", f.getFileName()).isEqualTo(1);
    }
  }

  @Test
  void statedCounts() {
    assertThat(site.count(query("consent.json"))).isEqualTo(1);
    assertThat(site.count(query("example-all-crits-time.json"))).isZero();
    assertThat(site.count(query("SpecimenSQ.json"))).isZero();
    assertThat(site.count(query("SpecimenSQExclusion.json"))).isEqualTo(159);
    assertThat(site.count(query("SpecimenSQTwoInclusion.json"))).isZero();
    assertThat(site.count(query("SpecimenSQTwoReferenceCriteria.json"))).isZero();
    assertThat(site.count(query("SpecimenSQAndBodySite.json"))).isZero();
    assertThat(site.count(query("DiagnosticReport/DiagnosticReportSQ.json"))).isEqualTo(1);
  }

  @Test
  void theVeryLargeQueriesCountZero() {
    assertThat(site.count(query("large-query-worst-case-with-time-constraints.json"))).isZero();
    assertThat(site.count(query("test-large-query-more-crit-time-rest-1.json"))).isZero();
  }

  @Test
  void translationFixturesParse() {
    for (String name : List.of("EncounterInpatient.json", "EncounterInpatientAbteilung.json",
        "EncounterInpatientEinrichtung.json", "EncounterInpatientEinrichtungTimeRestriction.json",
        "MedicationAdministrationSQ.json", "MedicationAdministrationSQDoubleCriteria.json",
        "MedicationAdministrationSQTimeRestriction.json", "MedicationAdministrationSQTwoCriteria.json",
        "MedicationRequestSQ.json", "MedicationRequestSQTimeRestriction.json", "MedicationStatementSQ.json",
        "MedicationStatementSQTimeRestriction.json", "NoSearchPathSQ.json", "NonPrimarySearchPathSQ.json",
        "PrimaryPathSQ.json")) {
      var parsed = CcdlParser.parse(LoadedSite.read(query(name)));
      assertThat(parsed.isOk()).as("%s: %s", name, parsed.isOk() ? "" : parsed.problem().text()).isTrue();
    }
  }

  @Test
  void theQueryCommandPrintsTheCount() {
    String siteDir = site.dir().toString();
    site.close();
    try {
      Cli.Run json = Cli.run("query", "--site", siteDir, "--json", query("SpecimenSQExclusion.json").toString());
      assertThat(json.status()).as(json.err()).isZero();
      assertThat(json.out().trim()).isEqualTo("{\"count\": 159}");
      Cli.Run text = Cli.run("query", "--site", siteDir, query("returningOnePatient/Diagnose.json").toString());
      assertThat(text.status()).as(text.err()).isZero();
      assertThat(text.out()).startsWith("1 patients match");
    } finally {
      site = LoadedSite.reopen(site.dir());
    }
  }

  @Test
  void anInvalidQueryPrintsTheProblemWithPathAndExitsOne() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, LoadedSite.read(Cli.testData("ccdl/flare/flare-returningOnePatient-1-age.json"))
        .replace("\"comparator\": \"eq\"", "\"comparator\": \"gtx\""));
    Cli.Run run = Cli.run("query", "--site", site.dir().toString(), bad.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("DR-2003").contains("`gtx`").contains("$.inclusionCriteria[0][0].valueFilter.comparator")
        .contains("expected one of gt, ge, lt, le, eq, ne");
  }

  @Test
  void aMissingSiteOrMappingDirectoryIsNamed() {
    Path query = query("consent.json");
    Cli.Run noSite = Cli.run("query", "--site", tmp.resolve("nowhere").toString(), query.toString());
    assertThat(noSite.status()).isEqualTo(1);
    assertThat(noSite.err()).contains("DR-1100").contains("datenraum ingest --site");
    Cli.Run noMapping = Cli.run("query", "--site", site.dir().toString(), "--mapping",
        tmp.resolve("no-mapping").toString(), query.toString());
    assertThat(noMapping.status()).isEqualTo(1);
    assertThat(noMapping.err()).contains("DR-2030").contains("mapping_fhir.json");
  }
}
