package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HapiParseIT {

  @TempDir Path tmp;

  @Test
  void everyGeneratedResourceParsesStrictlyAndEveryReferenceResolves() throws IOException {
    GeneratedSite site = GeneratedSite.generate(tmp, 400, 3, "Universitätsklinikum Süd", 1,
        List.of(OutbreakSpec.parse("norovirus@2024-02-01:14d:+20").value()), 2, "NAPKON-HAP");
    IParser parser = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    Set<String> ids = new HashSet<>();
    Set<String> references = new HashSet<>();
    long parsed = 0;
    for (ResourceType t : ResourceType.values()) {
      for (String line : site.lines(t.name())) {
        IBaseResource r = parser.parseResource(line);
        assertThat(r.fhirType()).isEqualTo(t.name());
        assertThat(ids.add(t.name() + "/" + r.getIdElement().getIdPart())).as("unique id").isTrue();
        var m = java.util.regex.Pattern.compile("\"reference\":\"([A-Za-z]+/[0-9a-f-]+)\"").matcher(line);
        while (m.find()) {
          references.add(m.group(1));
        }
        parsed++;
      }
    }
    assertThat(parsed).isEqualTo(site.summary.totalResources());
    assertThat(site.lines("QuestionnaireResponse")).isNotEmpty();
    assertThat(ids).containsAll(references);
  }
}
