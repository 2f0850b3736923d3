package org.datenraum.registry.biosamples;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The biosamples available for a cohort at one site: the number of patients the query selected
 * and, per sample type, how many of them have such a specimen and how many specimens of that type
 * they have (each specimen once; an aliquot is a specimen of its own). Exact counts, for the
 * site's own staff. Immutable.
 */
public record Availability(long patients, Map<String, TypeCount> sampleTypes) {

  /** Patients with a specimen of one type and the number of those specimens. */
  public record TypeCount(long patients, long specimens) {
    public TypeCount {
      if (patients < 0 || specimens < patients) {
        throw new IllegalArgumentException("counts " + patients + "/" + specimens);
      }
    }
  }

  public Availability {
    if (patients < 0) {
      throw new IllegalArgumentException("patients " + patients);
    }
    sampleTypes = Collections.unmodifiableMap(new TreeMap<>(sampleTypes));
  }

  /** {@code {"patients": n, "sampleTypes": {"119364003": {"patients": n, "specimens": n}, ...}}}. */
  public String toJson() {
    return toJson("sampleTypes");
  }

  /** As {@link #toJson()}, the groups under this key ({@code sampleKinds} for kinds). */
  public String toJson(String groupsKey) {
    StringBuilder b = new StringBuilder("{\"patients\": ").append(patients).append(", \"")
        .append(groupsKey).append("\": {");
    String sep = "";
    for (Map.Entry<String, TypeCount> e : sampleTypes.entrySet()) {
      b.append(sep).append('"').append(escape(e.getKey())).append("\": {\"patients\": ")
          .append(e.getValue().patients()).append(", \"specimens\": ").append(e.getValue().specimens()).append('}');
      sep = ", ";
    }
    return b.append("}}").toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
