package org.datenraum.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/** A CCDL query file as the commands read it: every failure names the file and the fix. */
public final class QueryFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private QueryFile() {}

  /** The file's text, or why it is not a JSON object: missing, a directory, unreadable, empty or not JSON. */
  public static Result<String> read(Path file) {
    if (Files.isDirectory(file)) {
      return fail("DR-1101", "`" + file + "` is a directory: give the path of a CCDL query file (JSON).");
    }
    if (!Files.exists(file)) {
      return fail("DR-1000", "query file `" + file + "` does not exist: give the path of a CCDL query file.");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return fail("DR-1101", "query file `" + file + "` cannot be read (" + IoErrors.reason(e)
          + "): give a readable CCDL query file in UTF-8.");
    }
    if (text.isBlank()) {
      return fail("DR-1102", "query file `" + file + "` is empty: a CCDL query is a JSON object with"
          + " `inclusionCriteria` (see docs/ccdl.md).");
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isObject()) {
        return fail("DR-1103", "query file `" + file + "` holds JSON " + node.getNodeType().name().toLowerCase(
            java.util.Locale.ROOT) + ", not an object: a CCDL query is a JSON object with `inclusionCriteria`.");
      }
      return Result.ok(text);
    } catch (JsonProcessingException e) {
      return fail("DR-1103", "query file `" + file + "` is " + IoErrors.reason(e) + ": correct the JSON.");
    }
  }

  private static <T> Result<T> fail(String code, String message) {
    return Result.fail(Problem.invalid(code, message));
  }
}
