package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One resource (or delete instruction) as read from a file, before mapping.
 *
 * @param file       the input file, as given
 * @param location   where in the file: {@code line 7}, {@code entry[3]}, {@code file}
 * @param resource   the resource, or null for a DELETE entry
 * @param method     the Bundle entry's request method, or null
 * @param requestUrl the Bundle entry's request url, or null
 * @param fullUrls   the enclosing Bundle's {@code fullUrl} to {@code Type/id}, for urn references
 */
public record RawEntry(
    String file,
    String location,
    ObjectNode resource,
    String method,
    String requestUrl,
    Map<String, String> fullUrls) {

  /** The map is copied once per Bundle by its reader; copying a copy costs nothing. */
  public RawEntry {
    java.util.Objects.requireNonNull(file, "file");
    java.util.Objects.requireNonNull(location, "location");
    fullUrls = Map.copyOf(fullUrls);
  }

  @Override
  public String toString() {
    return "RawEntry[" + file + " " + location + "]";
  }
}
