package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceRecord;
import org.datenraum.ingest.fhir.Lookups;
import org.datenraum.privacy.KeyedPseudonymizer;

/**
 * Maps NDJSON lines both ways, in order, with one mapper state: through the tree as the ingest
 * does without streaming, and through the streaming reader; collects every difference.
 */
final class StreamingComparison {

  private final ObjectMapper json = new ObjectMapper();
  private final Pseudonyms pseudonyms = new Pseudonyms(KeyedPseudonymizer.of(new byte[32]));
  private final EntryMapper mapper = new EntryMapper(json, pseudonyms, Lookups.none());
  private final StreamMapper stream = new StreamMapper(json.getFactory(), mapper, pseudonyms);
  final List<String> differences = new ArrayList<>();
  final Map<String, Long> streamedByType = new java.util.TreeMap<>();
  final Map<String, Long> treeByType = new java.util.TreeMap<>();

  void compare(List<JsonLine> lines) {
    for (JsonLine line : lines) {
      Outcome.Upsert streamed = stream.map(line);
      Object tree = treeOutcome(line);
      String type = tree instanceof Outcome.Upsert u ? u.record().key().type() : "(not stored)";
      if (streamed == null) {
        treeByType.merge(type, 1L, Long::sum);
        continue;
      }
      streamedByType.merge(type, 1L, Long::sum);
      String where = line.file() + " " + line.location() + ": ";
      if (!(tree instanceof Outcome.Upsert t)) {
        differences.add(where + "streamed as stored, the tree mapping gives " + tree);
        continue;
      }
      differ(where, t.record(), streamed.record());
      if (!t.identifiers().equals(streamed.identifiers())) {
        differences.add(where + "identifiers differ");
      }
    }
  }

  StreamMapper stream() {
    return stream;
  }

  private void differ(String where, ResourceRecord tree, ResourceRecord streamed) {
    if (!Arrays.equals(tree.json(), streamed.json())) {
      differences.add(where + "stored JSON differs:\n tree   " + utf8(tree.json())
          + "\n stream " + utf8(streamed.json()));
    }
    check(where, "key", tree.key(), streamed.key());
    check(where, "patient", tree.patient(), streamed.patient());
    check(where, "encounter", tree.encounter(), streamed.encounter());
    check(where, "demographics", tree.demographics(), streamed.demographics());
    check(where, "codes", tree.codes(), streamed.codes());
    if (!tree.facts().equals(streamed.facts())) {
      differences.add(where + "facts differ:\n tree   " + tree.facts() + "\n stream "
          + streamed.facts());
    }
  }

  private void check(String where, String what, Object tree, Object streamed) {
    if (!java.util.Objects.equals(tree, streamed)) {
      differences.add(where + what + " differs: tree " + tree + ", stream " + streamed);
    }
  }

  /** What the ingest makes of the line without streaming (ChunkMapper's tree path). */
  private Object treeOutcome(JsonLine line) {
    Object parsed = line.parse(json);
    if (parsed instanceof Problem p) {
      return new Outcome.Reject(new QuarantineEntry(line.file(), line.location(), null, null, p));
    }
    if (!(parsed instanceof ObjectNode o)) {
      return "blank";
    }
    return mapper.map(new RawEntry(line.file(), line.location(), o, null, null, Map.of()));
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
