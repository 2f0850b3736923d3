package org.datenraum.ingest.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
 * NDJSON lines go to the sink unparsed, to be parsed where they are mapped; entries and lines are
 * emitted in file order.
 */
public final class FileReader {


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
  public Problem read(Path path, EntrySink sink) {
    String file = path.toString();
    Problem problem;
    ReadPosition position = new ReadPosition();
    try (InputStream in = InputFiles.open(path, position)) {
      InputFiles.Format format = InputFiles.format(path, in);
      problem = switch (format) {
        case NDJSON -> readNdjson(file, in, position, sink);
        case JSON -> readJson(file, in, sink);
        case XML -> readXml(file, in, sink);
      };
    } catch (IOException e) {
      problem = Problem.invalid("DR-1007", "file could not be read (" + JsonLine.shortReason(e)
          + "): check that it is complete, readable and, if compressed, intact.");
    }
    if (problem != null) {
      sink.reject(new QuarantineEntry(file, "file", null, null, problem));
    }
    return problem;
  }

  /** Reads the lines; a read error part way quarantines the rest of the file, not the whole. */
  private Problem readNdjson(String file, InputStream in, ReadPosition position,
      EntrySink sink) {
    int number = 1;
    long consumed = 0;
    try (PrefetchedLines lines = new PrefetchedLines(new NdjsonLines(in))) {
      List<NdjsonLines.Line> block;
      while (!(block = lines.next()).isEmpty()) {
        for (NdjsonLines.Line l : block) {
          consumed += l.length() + 1;
          sink.position(position.fileBytesOf(consumed));
          sink.line(new JsonLine(file, number++, l.bytes(), l.offset(), l.length()));
        }
      }
    } catch (IOException e) {
      sink.reject(new QuarantineEntry(file, "line " + number, null, null, Problem.invalid(
          "DR-1008", "file could not be read from this line on (" + JsonLine.shortReason(e)
              + "); the lines before it were loaded: replace the file with a complete copy and"
              + " load it again.")));
    }
    return null;
  }

  private Problem readJson(String file, InputStream in, EntrySink sink) {
    try {
      JsonNode node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(in);
      if (!(node instanceof ObjectNode o)) {
        return Problem.invalid("DR-1003",
            "file does not hold a JSON object: expected a FHIR resource or Bundle.");
      }
      BundleEntries.emit(file, "file", o, sink);
      return null;
    } catch (IOException e) {
      if (e instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage()).startsWith("Trailing")) {
        return Problem.invalid("DR-1004", "file holds more than one JSON value: a .json file holds one FHIR"
            + " resource or Bundle; give NDJSON (one resource per line) a name ending .ndjson.");
      }
      return Problem.invalid("DR-1004", "file is not valid JSON (" + JsonLine.shortReason(e)
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
          + JsonLine.firstLine(e.getMessage()) + "): fix the XML or export it as FHIR R4 XML.");
    }
    String asJson = fhir.get().newJsonParser().encodeResourceToString(resource);
    try {
      BundleEntries.emit(file, "file", (ObjectNode) json.readTree(asJson), sink);
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI FHIR produced JSON that does not parse", e);
    }
  }
}
