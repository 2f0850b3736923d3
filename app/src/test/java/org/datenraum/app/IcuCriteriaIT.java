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
    return procedure("proc-" + patient, patient, category, "243147009", start, end);
  }

  private static String procedure(String id, String patient, String category, String code,
      String start, String end) {
    return "{\"resourceType\":\"Procedure\",\"id\":\"" + id + "\",\"status\":\"completed\","
        + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"category\":{\"coding\":[{"
        + "\"system\":\"http://snomed.info/sct\",\"code\":\"" + category + "\"}]},\"code\":{"
        + "\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + code + "\"}]},"
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

  /**
   * "Invasively ventilated > 96 h" on bridged episodes: two 50 h invasive Procedures 10 h apart
   * are one episode of 110 h, 20 h apart two of 50 h; a 120 h non-invasive ventilation is no
   * invasive episode. Per Procedure, the answer differs.
   */
  @Test
  void invasiveEpisodesLongerThan96Hours() throws Exception {
    Path fhir = Files.createDirectories(tmp.resolve("episodes"));
    String v = "40617009";
    Files.writeString(fhir.resolve("episodes.ndjson"), String.join("\n",
        patient("bridged"), patient("apart"), patient("single"), patient("niv"),
        procedure("b1", "bridged", v, "243147009", "2025-01-01T00:00:00Z", "2025-01-03T02:00:00Z"),
        procedure("b2", "bridged", v, "243147009", "2025-01-03T12:00:00Z", "2025-01-05T14:00:00Z"),
        procedure("a1", "apart", v, "243147009", "2025-01-01T00:00:00Z", "2025-01-03T02:00:00Z"),
        procedure("a2", "apart", v, "243147009", "2025-01-03T22:00:00Z", "2025-01-06T00:00:00Z"),
        procedure("s1", "single", v, "243147009", "2025-01-01T00:00:00Z", "2025-01-05T04:00:00Z"),
        procedure("n1", "niv", v, "428311008", "2025-01-01T00:00:00Z", "2025-01-06T00:00:00Z"))
        + "\n");
    try (LoadedSite site = LoadedSite.load(tmp.resolve("episode-site"), fhir)) {
      Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples/queries");
      // episodes: bridged 110 h, single 100 h; apart 50 h + 50 h; niv is not invasive
      assertThat(site.count(examples.resolve("invasive-ventilation-episode-over-96h.json")))
          .isEqualTo(2);
      // per Procedure: single 100 h and the 120 h non-invasive one
      assertThat(site.count(examples.resolve("ventilated-over-96h.json"))).isEqualTo(2);
      Path over105 = tmp.resolve("episode-over-105h.json");
      Files.writeString(over105, Files.readString(
          examples.resolve("invasive-ventilation-episode-over-96h.json"))
          .replace("\"value\": 96", "\"value\": 105"));
      assertThat(site.count(over105)).as("only the bridged episode").isEqualTo(1);
    }
  }
}
