package org.datenraum.app.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.app.site.StoreLookups;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.ResourceKey;
import org.datenraum.ingest.dicom.DicomIngest;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study arriving as DICOM and as FHIR is one study; the MII imaging bundle's facts. */
class ImagingSourcesTest {

  static final KeyedPseudonymizer KEYED = KeyedPseudonymizer.of(new byte[32]);
  static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
  static final String CT_SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";

  @Test
  void aStudyArrivingAsDicomAndAsFhirIsOneStudyOfOnePatient(@TempDir Path tmp) throws Exception {
    Path bundle = Files.writeString(tmp.resolve("imaging.json"), """
        {"resourceType":"Bundle","type":"transaction","entry":[
         {"resource":{"resourceType":"Patient","id":"1CT1","gender":"other"},
          "request":{"method":"PUT","url":"Patient/1CT1"}},
         {"resource":{"resourceType":"ImagingStudy","id":"ct-1","status":"available",
           "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:%s"}],
           "subject":{"reference":"Patient/1CT1"},"started":"2004-01-19T07:27:30-05:00",
           "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}],
           "series":[{"uid":"%s","modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"},
             "bodySite":{"system":"http://snomed.info/sct","code":"51185008"}}]},
          "request":{"method":"PUT","url":"ImagingStudy/ct-1"}},
         {"resource":{"resourceType":"DiagnosticReport","id":"r-1","status":"final",
           "code":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
           "subject":{"reference":"Patient/1CT1"},"issued":"2004-01-20T10:00:00Z",
           "imagingStudy":[{"reference":"ImagingStudy/ct-1"}]},
          "request":{"method":"PUT","url":"DiagnosticReport/r-1"}},
         {"resource":{"resourceType":"Observation","id":"o-1","status":"final",
           "code":{"coding":[{"system":"urn:datenraum:imaging-finding","code":"co-rads"}]},
           "subject":{"reference":"Patient/1CT1"},"effectiveDateTime":"2004-01-20",
           "valueInteger":5},
          "request":{"method":"PUT","url":"Observation/o-1"}},
         {"resource":{"resourceType":"Observation","id":"o-2","status":"final",
           "code":{"coding":[{"system":"urn:datenraum:imaging-finding","code":"ct-severity-score"}]},
           "subject":{"reference":"Patient/1CT1"},"effectiveDateTime":"2004-01-20",
           "valueInteger":31},
          "request":{"method":"PUT","url":"Observation/o-2"}}]}
        """.formatted(CT_STUDY, CT_SERIES));
    InMemorySiteStore store = new InMemorySiteStore();
    var fhir = FhirIngest.of(KEYED).load(List.of(bundle), new StoreLookups(store), store::write,
        (a, b, c) -> { });
    assertThat(fhir.quarantined()).containsEntry("DR-7510", 1L);
    var dicom = DicomIngest.of(KEYED, DicomCommand.lookups(store), DicomIngest.Config.direct())
        .load(List.of(DicomCommandIT.testData("dicom/CT_small.dcm")), store::write, (d, t) -> { });
    assertThat(dicom.instances()).isEqualTo(1);

    String patient = KEYED.pseudonym(PseudonymDomain.PATIENT, "1CT1");
    assertThat(store.patients().map(p -> p.pseudonym()).toList()).containsExactly(patient);
    List<Fact> studies = store.facts().filter(f -> f.resourceType().equals("ImagingStudy")).toList();
    Set<String> keys = studies.stream().flatMap(f -> f.attributes().stream())
        .filter(a -> a.key().equals(ImagingCodes.STUDY_KEY)).map(a -> a.value().code())
        .collect(Collectors.toSet());
    assertThat(keys).containsExactly(KEYED.pseudonym(PseudonymDomain.IDENTIFIER,
        "urn:dicom:uid|urn:oid:" + CT_STUDY));
    Set<String> seriesKeys = studies.stream().flatMap(f -> f.attributes().stream())
        .filter(a -> a.key().equals(ImagingCodes.SERIES_KEY)).map(a -> a.value().code())
        .collect(Collectors.toSet());
    assertThat(seriesKeys).hasSize(1);
    assertThat(studies).extracting(f -> f.patient()).containsOnly(patient);
    // both sources: FHIR's ImagingStudy and the DICOM study document
    assertThat(studies.stream().map(Fact::resourceId).distinct().count()).isEqualTo(2);
    String fhirJson = store.resourceJson(new ResourceKey("ImagingStudy",
        KEYED.pseudonym(PseudonymDomain.RESOURCE, "ImagingStudy/ct-1"))).orElseThrow();
    assertThat(fhirJson).doesNotContain(CT_STUDY).doesNotContain(CT_SERIES);
    assertThat(store.facts().filter(f -> f.code().equals(new Coding("http://loinc.org", "18748-4"))))
        .singleElement().satisfies(f -> assertThat(f.attributes()).anyMatch(a -> a.key().equals("imagingStudy")));
    assertThat(store.facts().filter(f -> f.code().system().equals(ImagingCodes.FINDING)))
        .singleElement().satisfies(f -> assertThat(f.value()).isEqualTo(new FactValue.Quantity(5, null, null)));
  }

  @Test
  void theMiiImagingBundleGivesTheStudyItsReportAndItsFinding() {
    InMemorySiteStore store = new InMemorySiteStore();
    Path bundle = DicomCommandIT.testData("mii-kds/Bundle-mii-exa-test-data-bundle-bildgebung-1.json");
    var r = FhirIngest.of(KEYED).load(List.of(bundle), new StoreLookups(store), store::write, (a, b, c) -> { });
    assertThat(r.quarantinedTotal()).isZero();
    String study = KEYED.pseudonym(PseudonymDomain.RESOURCE, "ImagingStudy/mii-exa-test-data-bildgebungsstudie");
    List<Fact> facts = store.facts().filter(f -> f.resourceId().equals(study)).toList();
    assertThat(facts).extracting(Fact::code).contains(new Coding(ImagingCodes.DCM, "MR"));
    assertThat(facts).allSatisfy(f -> assertThat(f.attributes())
        .contains(new Attribute("series.bodySite", new Coding("http://snomed.info/sct", "76752008")),
            new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, study))));
    assertThat(store.resourceJson(new ResourceKey("ImagingStudy", study)).orElseThrow())
        .doesNotContain("1.2.34.5.6789.1.2.34.5678912.34567891234567891234");
    String finding = KEYED.pseudonym(PseudonymDomain.RESOURCE, "Observation/mii-exa-test-data-radiologische-beobachtung");
    assertThat(store.resourceJson(new ResourceKey("Observation", finding)).orElseThrow())
        .as("the MII series and SOP instance UID extensions")
        .doesNotContain("1.2.34.5.6789.1.2.34.5678912.34567891234567891234")
        .doesNotContain("1.2.34.5.6789.1.2.3.45678.9123456789123456789123456789");
    String report = KEYED.pseudonym(PseudonymDomain.RESOURCE, "DiagnosticReport/mii-exa-test-data-befundbericht");
    assertThat(store.facts().filter(f -> f.resourceId().equals(report)))
        .singleElement().satisfies(f -> {
          assertThat(f.code()).isEqualTo(new Coding("http://snomed.info/sct", "4231000179109"));
          assertThat(f.attributes()).contains(new Attribute("conclusionCode",
              new Coding("http://snomed.info/sct", "129770009")));
          assertThat(f.attributes()).contains(new Attribute("imagingStudy",
              new Coding("urn:datenraum:reference", "ImagingStudy/" + study)));
        });
  }
}
