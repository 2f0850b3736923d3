package org.datenraum.query.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/** Where term-code mappings come from: the built-in one, or the reference tools' files. */
public final class Mappings {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TermCodeMapping BUILT_IN = BuiltInMapping.load();

  private Mappings() {}

  /** The mapping shipped with Datenraum, covering the MII core data set contexts. */
  public static TermCodeMapping builtIn() {
    return BUILT_IN;
  }

  /**
   * A mapping from the contents of {@code mapping_fhir.json} and {@code mapping_tree.json}; a
   * null tree means no concept tree (codes match only themselves).
   */
  public static Result<TermCodeMapping> fromReferenceJson(String mappingFhir, String mappingTree) {
    try {
      ConceptTree tree = mappingTree == null
          ? ConceptTree.EMPTY : ConceptTree.of(tree(JSON.readTree(mappingTree), "mapping_tree.json"), "mapping_tree.json");
      return Result.ok(ReferenceMapping.of(tree(JSON.readTree(mappingFhir), "mapping_fhir.json"), tree, "mapping_fhir.json"));
    } catch (JsonProcessingException e) {
      return Result.fail(notJson(e));
    } catch (MappingFormatException e) {
      return Result.fail(e.problem());
    }
  }

  /** As {@link #fromReferenceJson(String, String)}, reading (not closing) the streams. */
  public static Result<TermCodeMapping> fromReference(InputStream mappingFhir, InputStream mappingTree) {
    try {
      ConceptTree tree = mappingTree == null
          ? ConceptTree.EMPTY : ConceptTree.of(tree(JSON.readTree(mappingTree), "mapping_tree.json"), "mapping_tree.json");
      return Result.ok(ReferenceMapping.of(tree(JSON.readTree(mappingFhir), "mapping_fhir.json"), tree, "mapping_fhir.json"));
    } catch (JsonProcessingException e) {
      return Result.fail(notJson(e));
    } catch (MappingFormatException e) {
      return Result.fail(e.problem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(JsonNode node, String file) {
    if (node == null || node.isMissingNode()) {
      throw new MappingFormatException("DR-2031", file + " is empty: expected a JSON array.");
    }
    return node;
  }

  private static Problem notJson(JsonProcessingException e) {
    var at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return Problem.invalid("DR-2031", "A mapping file is not valid JSON" + where + ": " + e.getOriginalMessage()
        + "; check the file named by --mapping.");
  }
}
