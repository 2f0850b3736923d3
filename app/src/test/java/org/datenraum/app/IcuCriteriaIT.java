package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ICU criteria in CCDL: a ventilation Procedure (category SNOMED CT 40617009) longer than 96 h,
 * on the MII ICU example bundle (ventilated 2024-02-12 08:00 to 2024-02-18 16:00, 152 h) and on
 * patients ventilated 100 h and 50 h and one with a 200 h procedure of another category; the
 * indexed executor and the reference evaluator agree.
 */
class IcuCriteriaIT {

  @TempDir Path tmp;

  private static String patient(String id) {
    return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"male\"}";
  }

  private static String procedure(String patient, String category, String start, String end) {
    return "{\"resourceType\":\"Procedure\",\"id\":\"proc-" + patient + "\",\"status\":\"completed\","
        + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"category\":{\"coding\":[{"
        + "\"system\":\"http://snomed.info/sct\",\"code\":\"" + category + "\"}]},\"code\":{"
        + "\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"243147009\"}]},"
        + "\"performedPeriod\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}";
  }

  @Test
  void ventilatedLongerThan96Hours() throws Exception {
    Path fhir = Files.createDirectories(tmp.resolve("fhir"));
    Files.copy(Cli.testData("mii-kds/Bundle-mii-exa-test-data-bundle-icu-1.json"),
        fhir.resolve("icu-bundle.json"));
    Files.writeString(fhir.resolve("ventilation.ndjson"), String.join("\n",
        patient("long"), patient("short"), patient("ecmo"),
        procedure("long", "40617009", "2025-01-01T00:00:00Z", "2025-01-05T04:00:00Z"),
        procedure("short", "40617009", "2025-01-01T00:00:00Z", "2025-01-03T02:00:00Z"),
        procedure("ecmo", "182744004", "2025-01-01T00:00:00Z", "2025-01-09T08:00:00Z")) + "\n");
    try (LoadedSite site = LoadedSite.load(tmp.resolve("site"), fhir)) {
      Path query = Path.of("").toAbsolutePath().getParent()
          .resolve("examples/queries/ventilated-over-96h.json");
      // the bundle's patient (152 h) and "long" (100 h)
      assertThat(site.count(query)).isEqualTo(2);
      Path over150 = tmp.resolve("over-150h.json");
      Files.writeString(over150, Files.readString(query).replace("\"value\": 96", "\"value\": 150"));
      assertThat(site.count(over150)).isEqualTo(1);
      Path days = tmp.resolve("over-4-days.json");
      Files.writeString(days, Files.readString(query).replace("\"value\": 96", "\"value\": 4")
          .replace("\"code\": \"h\"", "\"code\": \"d\""));
      assertThat(site.count(days)).isEqualTo(2);
    }
  }
}
