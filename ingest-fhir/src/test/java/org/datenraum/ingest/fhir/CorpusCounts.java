package org.datenraum.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Counts the distinct resources (by type and id) in JSON Bundle files, read directly with
 * Jackson, independent of the ingest: the expected answer for the corpus tests.
 */
final class CorpusCounts {

  private final Map<String, Set<String>> idsByType = new TreeMap<>();

  static CorpusCounts of(Path dirOrFile) {
    CorpusCounts c = new CorpusCounts();
    try (Stream<Path> files = Files.walk(dirOrFile)) {
      files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".json.bz2"))
          .forEach(c::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  private void add(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".bz2")
            ? new BZip2CompressorInputStream(raw) : raw) {
      JsonNode bundle = new ObjectMapper().readTree(in);
      for (JsonNode e : bundle.path("entry")) {
        JsonNode r = e.path("resource");
        String id = r.path("id").asText(e.path("fullUrl").asText());
        idsByType.computeIfAbsent(r.path("resourceType").asText(), t -> new HashSet<>()).add(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Long> byType() {
    Map<String, Long> out = new TreeMap<>();
    idsByType.forEach((t, ids) -> out.put(t, (long) ids.size()));
    return out;
  }

  long patients() {
    return idsByType.getOrDefault("Patient", Set.of()).size();
  }
}
