package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.datenraum.core.IoReason;
import org.datenraum.core.Problem;

/**
 * One NDJSON line, not yet parsed: a slice of a byte array (shared with no later read), so that
 * it can be parsed on whichever thread maps it.
 *
 * @param file   the input file, as given
 * @param number the line number, from 1
 */
public record JsonLine(String file, int number, byte[] bytes, int offset, int length) {

  /** Where the line is, for quarantine entries. */
  public String location() {
    return "line " + number;
  }

  /** The line's JSON object; a {@link Problem} if it holds none; null for a blank line. */
  public Object parse(ObjectMapper json) {
    if (isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(bytes, offset, length);
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

  private boolean isBlank() {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The parser's note on where a construct began, which repeats the location in its own words. */
  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\s*\\(start marker at \\[Source.*?\\]\\)|\\s*at \\[Source.*$");

  /** The first line of an exception's message, with the column for JSON errors. */
  static String shortReason(Exception e) {
    if (e instanceof JsonProcessingException j) {
      String msg = j.getOriginalMessage();
      var loc = j.getLocation();
      return SOURCE.matcher(firstLine(msg)).replaceAll("") + (loc == null ? "" : " at column " + loc.getColumnNr());
    }
    return e instanceof java.io.IOException io ? IoReason.of(io) : firstLine(e.getMessage());
  }

  static String firstLine(String msg) {
    if (msg == null) {
      return "no detail";
    }
    int nl = msg.indexOf('\n');
    String s = nl < 0 ? msg : msg.substring(0, nl);
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
