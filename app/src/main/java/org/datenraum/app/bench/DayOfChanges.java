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
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * A day's changes to a loaded corpus, as a site's daily export brings them: resources sampled at
 * random from the corpus's high-volume files (in proportion to the resources of each type the
 * store holds), every other one sent again changed (same id; an Observation's status becomes
 * {@code amended}) and the others as new resources of the same patients (the id with a suffix of
 * the day). Written as one NDJSON file.
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

  private DayOfChanges() {}

  /**
   * Writes about {@code n} changes drawn from {@code corpus} (a directory of
   * {@code Type.ndjson[.gz]}) into {@code out}; {@code stored} holds the store's resources by
   * type, {@code day} makes new ids differ from day to day.
   */
  static Written write(Path corpus, Map<String, Long> stored, long n, int day, Path out)
      throws IOException {
    long pool = TYPES.stream().mapToLong(t -> stored.getOrDefault(t, 0L)).sum();
    if (pool == 0) {
      throw new IOException("the store holds none of " + TYPES + ": load a corpus first");
    }
    Random random = new Random(day);
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
        double p = Math.min(1.0, (double) n / pool);
        try (BufferedReader r = reader(file)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || random.nextDouble() >= p) {
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
