package org.datenraum.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A day's changes to a loaded corpus, as a site's daily export brings them: the records of the
 * day's patients (drawn at random, about {@value #PER_PATIENT} changes each, as a hospital's
 * inpatients and visitors of a day produce them), sampled from the corpus's high-volume files;
 * every other one sent again changed (same id; an Observation's status becomes {@code amended})
 * and the others as new resources of the same patients (the id with a suffix of the day). With
 * {@code perPatient} 0, records are drawn from all patients alike instead. Written as one NDJSON
 * file.
 */
final class DayOfChanges {

  /** The types changes are drawn from. */
  static final List<String> TYPES = List.of("Observation", "Condition", "Encounter",
      "Procedure", "MedicationAdministration");

  /** What was written. */
  record Written(Path file, long changed, long added) {
    long total() {
      return changed + added;
    }
  }

  /**
   * The changes a former run wrote into {@code file} for {@code day}, counted again: a line whose
   * id carries the day's suffix is new, any other one changed.
   */
  static Written existing(Path file, int day) throws IOException {
    String suffix = "-d" + day + "\"";
    long changed = 0;
    long added = 0;
    try (BufferedReader r = reader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        int at = line.indexOf("\"id\":\"");
        int end = at < 0 ? -1 : line.indexOf('"', at + 6);
        if (end > 0 && line.startsWith(suffix, end - suffix.length() + 1)) {
          added++;
        } else {
          changed++;
        }
      }
    }
    return new Written(file, changed, added);
  }

  /** Changes per patient of the day, on average. */
  static final int PER_PATIENT = 25;

  private static final String SUBJECT = "\"reference\":\"Patient/";

  private DayOfChanges() {}

  /**
   * Writes about {@code n} changes drawn from {@code corpus} (a directory of
   * {@code Type.ndjson[.gz]}) into {@code out}; {@code stored} holds the store's resources by
   * type, {@code day} makes new ids differ from day to day.
   */
  static Written write(Path corpus, Map<String, Long> stored, long n, int day, int perPatient,
      Path out) throws IOException {
    long pool = TYPES.stream().mapToLong(t -> stored.getOrDefault(t, 0L)).sum();
    if (pool == 0) {
      throw new IOException("the store holds none of " + TYPES + ": load a corpus first");
    }
    Random random = new Random(day);
    Set<String> patients = perPatient == 0 ? null
        : patientsOfTheDay(corpus, stored.getOrDefault("Patient", 0L), n / perPatient, random);
    double p = Math.min(1.0, patients == null ? (double) n / pool
        : (double) n * stored.getOrDefault("Patient", 0L) / patients.size() / pool);
    ObjectMapper json = new ObjectMapper();
    long changed = 0;
    long added = 0;
    Files.createDirectories(out.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String type : TYPES) {
        Path file = file(corpus, type);
        long ofType = stored.getOrDefault(type, 0L);
        if (file == null || ofType == 0) {
          continue;
        }
        try (BufferedReader r = reader(file)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || patients != null && !patients.contains(subject(line))
                || random.nextDouble() >= p) {
              continue;
            }
            ObjectNode resource = (ObjectNode) json.readTree(line);
            if ((changed + added) % 2 == 0) {
              if (resource.has("status") && type.equals("Observation")) {
                resource.put("status", "amended");
              }
              changed++;
            } else {
              resource.put("id", resource.path("id").asText() + "-d" + day);
              added++;
            }
            w.write(json.writeValueAsString(resource));
            w.newLine();
          }
        }
      }
    }
    return new Written(out, changed, added);
  }

  /** About {@code wanted} of the corpus's {@code all} patients' ids, drawn at random. */
  private static Set<String> patientsOfTheDay(Path corpus, long all, long wanted, Random random)
      throws IOException {
    Path file = file(corpus, "Patient");
    if (file == null || all == 0) {
      throw new IOException("no Patient file in " + corpus + ": the changes are drawn by patient");
    }
    double q = Math.min(1.0, (double) Math.max(1, wanted) / all);
    ObjectMapper json = new ObjectMapper();
    Set<String> out = new HashSet<>();
    try (BufferedReader r = reader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && random.nextDouble() < q) {
          out.add(json.readTree(line).path("id").asText());
        }
      }
    }
    return out;
  }

  /** The id of the first Patient a line references (its subject), or "". */
  private static String subject(String line) {
    int at = line.indexOf(SUBJECT);
    if (at < 0) {
      return "";
    }
    int from = at + SUBJECT.length();
    int end = line.indexOf('"', from);
    return end < 0 ? "" : line.substring(from, end);
  }

  private static Path file(Path corpus, String type) {
    for (String name : List.of(type + ".ndjson", type + ".ndjson.gz")) {
      Path f = corpus.resolve(name);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    return null;
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
