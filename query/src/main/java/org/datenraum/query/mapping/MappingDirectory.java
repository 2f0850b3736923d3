package org.datenraum.query.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * Finds and reads the reference tools' mapping files in a directory: either
 * {@code DIR/mapping_fhir.json} + {@code DIR/mapping_tree.json}, or the release layout
 * {@code DIR/mapping/fhir/mapping_fhir.json} + {@code DIR/mapping/mapping_tree.json}. The tree is
 * optional. Stateless.
 */
public final class MappingDirectory {

  private MappingDirectory() {}

  public static Result<TermCodeMapping> load(Path dir) {
    Path flat = dir.resolve("mapping_fhir.json");
    Path release = dir.resolve("mapping").resolve("fhir").resolve("mapping_fhir.json");
    if (Files.isRegularFile(flat)) {
      return read(flat, dir.resolve("mapping_tree.json"));
    }
    if (Files.isRegularFile(release)) {
      return read(release, dir.resolve("mapping").resolve("mapping_tree.json"));
    }
    return Result.fail(Problem.notFound("DR-2030", "No mapping_fhir.json in `" + dir
        + "`: expected DIR/mapping_fhir.json and DIR/mapping_tree.json, or the release layout"
        + " DIR/mapping/fhir/mapping_fhir.json and DIR/mapping/mapping_tree.json."));
  }

  private static Result<TermCodeMapping> read(Path fhir, Path tree) {
    try (InputStream f = Files.newInputStream(fhir);
        InputStream t = Files.isRegularFile(tree) ? Files.newInputStream(tree) : null) {
      return Mappings.fromReference(f, t);
    } catch (IOException e) {
      return Result.fail(new Problem(Problem.Category.FAULT, "DR-2033",
          "Cannot read `" + fhir + "`: " + e.getMessage() + "; check that the file is readable."));
    }
  }
}
