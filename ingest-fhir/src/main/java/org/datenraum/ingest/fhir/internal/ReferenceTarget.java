package org.datenraum.ingest.fhir.internal;

import java.util.Map;

/** Reads where a FHIR reference string points to, in the original (not pseudonymised) ids. */
public final class ReferenceTarget {

  private ReferenceTarget() {}

  /**
   * The {@code Type/id} a literal reference points to: relative ({@code Patient/1}), absolute
   * ({@code https://x/fhir/Patient/1}, also with {@code _history}), or a Bundle-local
   * {@code urn:uuid:}; null for conditional, contained or unreadable references.
   */
  public static String of(String reference, Map<String, String> fullUrls) {
    if (reference == null || reference.isEmpty() || reference.startsWith("#")
        || reference.indexOf('?') >= 0) {
      return null;
    }
    if (reference.startsWith("urn:")) {
      return fullUrls.get(reference);
    }
    String r = reference;
    int history = r.indexOf("/_history/");
    if (history >= 0) {
      r = r.substring(0, history);
    }
    int last = r.lastIndexOf('/');
    if (last <= 0 || last == r.length() - 1) {
      return null;
    }
    int prev = r.lastIndexOf('/', last - 1);
    if (!Character.isUpperCase(r.charAt(prev + 1))) {
      return null;
    }
    return prev < 0 ? r : r.substring(prev + 1);
  }

  /** For a conditional reference {@code Type?identifier=system|value}, the system|value, else null. */
  public static String conditionalIdentifier(String reference, String type) {
    String prefix = type + "?identifier=";
    if (reference == null || !reference.startsWith(prefix)) {
      return null;
    }
    String token = java.net.URLDecoder.decode(
        reference.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
    return token.indexOf('&') >= 0 ? null : token;
  }
}
