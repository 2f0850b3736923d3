package org.datenraum.ingest.fhir.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a member of a streamed resource is to the reader, as bits: one that must be an object
 * ({@link #OBJECTS}), one of {@link StreamedResource#RESOLVED}, one the attribute walker skips, a
 * time (its slot above {@link #SLOT}), a time's Period. One look-up per member instead of one per
 * set of names.
 */
final class MemberRoles {

  static final int OBJECT = 1;
  static final int RESOLVED_MEMBER = 2;
  static final int SKIPPED = 4;
  static final int TIME = 8;
  static final int PERIOD = 16;
  static final int SLOT = 8;

  /** Members that must hold an object when present. */
  private static final Set<String> OBJECTS = Set.of("code", "class", "dosage", "subject",
      "encounter", "context", "medicationCodeableConcept", "medicationReference");

  /** Per streamed type, the roles of the members that have one. */
  private static final Map<String, Map<String, Integer>> ROLES = roles();

  private MemberRoles() {}

  /** The roles of the members of a streamed type, by name (names without a role are absent). */
  static Map<String, Integer> of(String type) {
    return ROLES.get(type);
  }

  private static Map<String, Map<String, Integer>> roles() {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    StreamedResource.TIMES.forEach((type, prefixes) -> {
      Map<String, Integer> roles = new HashMap<>();
      OBJECTS.forEach(n -> roles.merge(n, OBJECT, (x, y) -> x | y));
      StreamedResource.RESOLVED.forEach(n -> roles.merge(n, RESOLVED_MEMBER, (x, y) -> x | y));
      AttributeWalker.SKIP.forEach(n -> roles.merge(n, SKIPPED, (x, y) -> x | y));
      List<String> forms = StreamedResource.FORMS;
      for (int p = 0; p < prefixes.size(); p++) {
        for (int f = 0; f < forms.size(); f++) {
          int period = f == StreamedResource.AS_PERIOD ? PERIOD : 0;
          int r = TIME | (p * forms.size() + f) << SLOT | period;
          roles.merge(prefixes.get(p) + forms.get(f), r, (x, y) -> x | y);
        }
      }
      // a HashMap finds its slot by a mask, Map.copyOf's by a division
      out.put(type, java.util.Collections.unmodifiableMap(roles));
    });
    return Map.copyOf(out);
  }
}
