package org.datenraum.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A small generated hospital in a temporary directory, and ways to read it back. */
final class GeneratedSite {

  private static final ObjectMapper JSON = new ObjectMapper();
  final Path dir;
  final GenerationSummary summary;
  final GeneratorConfig config;

  private GeneratedSite(Path dir, GeneratorConfig config, int threads, String cohort) throws IOException {
    this.dir = dir;
    this.config = config;
    HospitalGenerator g = cohort == null ? HospitalGenerator.of(config) : HospitalGenerator.of(config).withCohort(cohort);
    this.summary = g.writeTo(dir, threads, false, ProgressListener.NONE);
  }

  static GeneratedSite generate(Path dir, long patients, long seed, String site, int years,
      List<OutbreakSpec> outbreaks, int threads) throws IOException {
    return generate(dir, patients, seed, site, years, outbreaks, threads, null);
  }

  /** As above, with a cohort study of this name (none when null). */
  static GeneratedSite generate(Path dir, long patients, long seed, String site, int years,
      List<OutbreakSpec> outbreaks, int threads, String cohort) throws IOException {
    return new GeneratedSite(dir, GeneratorConfig.of(patients, seed, site,
        LocalDate.of(2024, 1, 1), years, outbreaks).value(), threads, cohort);
  }

  /** Every resource of a type, parsed. */
  void each(String type, Consumer<JsonNode> action) {
    try (BufferedReader r = Files.newBufferedReader(dir.resolve(type + ".ndjson"))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        action.accept(JSON.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every resource of a type whose line contains one of {@code needles}, parsed. */
  void eachContaining(String type, List<String> needles, Consumer<JsonNode> action) {
    try (BufferedReader r = Files.newBufferedReader(dir.resolve(type + ".ndjson"))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        for (String needle : needles) {
          if (line.contains(needle)) {
            action.accept(JSON.readTree(line));
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> lines(String type) throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(type + ".ndjson")));
  }

  /** The local hour of a FHIR dateTime written as yyyy-MM-ddTHH:mm:ss+hh:mm. */
  static int hour(String dateTime) {
    return Integer.parseInt(dateTime.substring(11, 13));
  }

  static LocalDate date(String dateTime) {
    return LocalDate.parse(dateTime.substring(0, 10));
  }
}
