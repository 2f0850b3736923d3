package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates all resources of a few patients with HAPI's instance validator against FHIR R4 and
 * the core profiles it ships (vital signs: oxygensat, bodytemp). The MII profiles cannot be
 * loaded here (their packages are only on the FHIR package registry), so references to them
 * are reported as unchecked warnings; German code systems are unknown without a terminology
 * server. Neither may hide an error.
 */
class ProfileValidationIT {

  @TempDir Path tmp;

  @Test
  void resourcesOfSomePatientsHaveNoValidationErrors() throws IOException {
    GeneratedSite site = GeneratedSite.generate(tmp, 40, 8, "Klinikum Prüfstand", 1, List.of(), 2);
    FhirContext ctx = FhirContext.forR4();
    FhirInstanceValidator module = new FhirInstanceValidator(new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx), new SnapshotGeneratingValidationSupport(ctx)));
    module.setErrorForUnknownProfiles(false);
    module.setAnyExtensionsAllowed(true);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);
    Set<String> sample = new HashSet<>();
    for (String line : site.lines("Patient").subList(0, 3)) {
      sample.add(line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\"id\":\"") + 42));
    }
    List<String> errors = new ArrayList<>();
    int validated = 0;
    for (ResourceType t : ResourceType.values()) {
      if (t.cohortOnly()) {
        continue;
      }
      for (String line : site.lines(t.name())) {
        if (sample.stream().noneMatch(line::contains)
            && (t != ResourceType.Medication || validated % 5 != 0)) {
          continue;
        }
        validated++;
        for (SingleValidationMessage m : validator.validateWithResult(line).getMessages()) {
          if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
            errors.add(t + " " + m.getLocationString() + ": " + m.getMessage());
          }
        }
      }
    }
    assertThat(validated).isGreaterThan(20);
    assertThat(errors).isEmpty();
  }
}
