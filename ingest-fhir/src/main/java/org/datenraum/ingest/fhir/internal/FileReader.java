package org.datenraum.ingest.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads one input file (NDJSON, JSON resource or Bundle, XML resource or Bundle) into entries.
 * NDJSON lines are parsed in parallel chunks; entries are emitted in file order.
 */
public final class FileReader {

  private static final int CHUNK = 2048;

  private final ObjectMapper json;
  private final Supplier<FhirContext> fhir;

  public FileReader(ObjectMapper json, Supplier<FhirContext> fhir) {
    this.json = json;
    this.fhir = fhir;
  }

  /**
   * Reads the file. Returns null when the file could be read, or the problem that made the file
   * as a whole unreadable (which is also sent to the sink's quarantine).
   */
  public Problem read(Path path, EntrySink sink) throws IOException {
    String file = path.toString();
    try (InputStream in = InputFiles.open(path)) {
      InputFiles.Format format = InputFiles.format(path, in);
      Problem problem = switch (format) {
        case NDJSON -> readNdjson(file, in, sink);
        case JSON -> readJson(file, in, sink);
        case XML -> readXml(file, in, sink);
      };
      if (problem != null) {
        sink.reject(new QuarantineEntry(file, "file", null, null, problem));
      }
      return problem;
    }
  }

  private Problem readNdjson(String file, InputStream in, EntrySink sink) throws IOException {
    NdjsonLines lines = new NdjsonLines(in);
    int firstLine = 1;
    List<NdjsonLines.Line> chunk;
    while (!(chunk = lines.next(CHUNK)).isEmpty()) {
      emitChunk(file, firstLine, chunk, sink);
      firstLine += chunk.size();
    }
    return null;
  }

  private void emitChunk(String file, int firstLine, List<NdjsonLines.Line> lines,
      EntrySink sink) {
    Object[] parsed = lines.parallelStream().map(this::parseLine).toArray();
    for (int i = 0; i < parsed.length; i++) {
      String location = "line " + (firstLine + i);
      Object p = parsed[i];
      if (p instanceof ObjectNode o) {
        BundleEntries.emit(file, location, o, sink);
      } else if (p instanceof Problem problem) {
        sink.reject(new QuarantineEntry(file, location, null, null, problem));
      }
    }
  }

  private Object parseLine(NdjsonLines.Line line) {
    if (line.isBlank()) {
      return line;
    }
    try {
      JsonNode node = json.readTree(line.bytes(), line.offset(), line.length());
      if (node instanceof ObjectNode o) {
        return o;
      }
      return Problem.invalid("DR-1002",
          "line holds JSON that is not an object: each NDJSON line must be one FHIR resource.");
    } catch (IOException e) {
      return Problem.invalid("DR-1001", "line is not valid JSON (" + shortReason(e)
          + "): fix or remove the line; each NDJSON line must be one FHIR resource.");
    }
  }

  private Problem readJson(String file, InputStream in, EntrySink sink) {
    try {
      JsonNode node = json.readTree(in);
      if (!(node instanceof ObjectNode o)) {
        return Problem.invalid("DR-1003",
            "file does not hold a JSON object: expected a FHIR resource or Bundle.");
      }
      BundleEntries.emit(file, "file", o, sink);
      return null;
    } catch (IOException e) {
      return Problem.invalid("DR-1004", "file is not valid JSON (" + shortReason(e)
          + "): expected a FHIR resource or Bundle in JSON, or NDJSON with an .ndjson name.");
    }
  }

  private Problem readXml(String file, InputStream in, EntrySink sink) {
    IBaseResource resource;
    try {
      IParser xml = fhir.get().newXmlParser();
      resource = xml.parseResource(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
      return Problem.invalid("DR-1006", "file is not a readable FHIR XML resource ("
          + firstLine(e.getMessage()) + "): fix the XML or export it as FHIR R4 XML.");
    }
    String asJson = fhir.get().newJsonParser().encodeResourceToString(resource);
    try {
      BundleEntries.emit(file, "file", (ObjectNode) json.readTree(asJson), sink);
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI FHIR produced JSON that does not parse", e);
    }
  }

  private static String shortReason(Exception e) {
    if (e instanceof JsonProcessingException j) {
      String msg = j.getOriginalMessage();
      var loc = j.getLocation();
      return firstLine(msg) + (loc == null ? "" : " at column " + loc.getColumnNr());
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String msg) {
    if (msg == null) {
      return "no detail";
    }
    int nl = msg.indexOf('\n');
    String s = nl < 0 ? msg : msg.substring(0, nl);
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
