package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;

/** Splits a parsed resource into entries: a Bundle into its entries, anything else into itself. */
public final class BundleEntries {

  private BundleEntries() {}

  /** Emits the resource, or each entry of a Bundle with the Bundle's fullUrl map. */
  public static void emit(String file, String location, ObjectNode resource, EntrySink sink) {
    if (!"Bundle".equals(resource.path("resourceType").asText())) {
      sink.entry(new RawEntry(file, location, resource, null, null, Map.of()));
      return;
    }
    JsonNode entries = resource.path("entry");
    Map<String, String> fullUrls = fullUrls(entries);
    String prefix = "Bundle".equals(location) || location.equals("file") ? "" : location + " ";
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String where = prefix + "entry[" + i + "]";
      JsonNode request = e.path("request");
      String method = request.path("method").asText(null);
      String url = request.path("url").asText(null);
      JsonNode res = e.get("resource");
      if (res instanceof ObjectNode o) {
        fillMissingId(o, e.path("fullUrl").asText(""), method, url);
        sink.entry(new RawEntry(file, where, o, method, url, fullUrls));
      } else if ("DELETE".equals(method) && url != null) {
        sink.entry(new RawEntry(file, where, null, method, url, fullUrls));
      } else {
        sink.reject(new QuarantineEntry(file, where, null, null, Problem.invalid("DR-1005",
            "Bundle entry has neither a resource nor a DELETE request: add `resource` or"
                + " `request.method` DELETE with `request.url`.")));
      }
    }
  }

  private static void fillMissingId(ObjectNode res, String fullUrl, String method, String url) {
    if (res.hasNonNull("id")) {
      return;
    }
    if ("PUT".equals(method) && url != null && url.indexOf('/') > 0 && url.indexOf('?') < 0) {
      res.put("id", url.substring(url.indexOf('/') + 1));
    } else if (fullUrl.startsWith("urn:uuid:")) {
      res.put("id", fullUrl.substring("urn:uuid:".length()));
    }
  }

  private static Map<String, String> fullUrls(JsonNode entries) {
    Map<String, String> map = new HashMap<>();
    for (JsonNode e : entries) {
      String fullUrl = e.path("fullUrl").asText(null);
      JsonNode res = e.path("resource");
      String type = res.path("resourceType").asText(null);
      String id = res.path("id").asText(null);
      if (fullUrl != null && type != null) {
        if (id == null && fullUrl.startsWith("urn:uuid:")) {
          id = fullUrl.substring("urn:uuid:".length());
        }
        if (id != null) {
          map.put(fullUrl, type + "/" + id);
        }
      }
    }
    return Map.copyOf(map);
  }
}
