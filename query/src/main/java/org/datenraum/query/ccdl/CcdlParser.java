package org.datenraum.query.ccdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * Reads and validates CCDL JSON (schema v2, and the portal's {@code draft-1} and {@code v3} schema
 * URIs, which have the same structure). The 2021 draft without criterion contexts is rejected with
 * a message that names the expected format. Stateless and thread-safe.
 */
public final class CcdlParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CcdlParser() {}

  /** Parses a CCDL document; problems carry codes {@code DR-2001}..{@code DR-2019}. */
  public static Result<CcdlQuery> parse(String json) {
    try {
      return read(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return Result.fail(notJson(e));
    }
  }

  /** Parses a CCDL document from a stream, which is read to its end but not closed. */
  public static Result<CcdlQuery> parse(InputStream json) {
    try {
      return read(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return Result.fail(notJson(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates an already parsed JSON tree. */
  public static Result<CcdlQuery> read(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      return Result.fail(Problem.invalid("DR-2001", "The query is empty: expected a CCDL JSON object."));
    }
    try {
      return Result.ok(new CcdlReader().query(root));
    } catch (CcdlReader.Invalid e) {
      return Result.fail(e.problem());
    }
  }

  private static Problem notJson(JsonProcessingException e) {
    var at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return Problem.invalid(
        "DR-2001",
        "The query is not valid JSON" + where + ": " + e.getOriginalMessage()
            + "; send a CCDL JSON object.");
  }
}
