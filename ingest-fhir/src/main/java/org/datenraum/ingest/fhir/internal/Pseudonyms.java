package org.datenraum.ingest.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;

/**
 * Pseudonymous ids of resources: patients and encounters in their own domains, all other
 * resources in the resource domain keyed by type and id. Thread-safe.
 */
public final class Pseudonyms {

  /** Patients and encounters are referenced again and again; their pseudonyms are remembered. */
  private static final int CACHE_LIMIT = 200_000;

  private final KeyedPseudonymizer keyed;
  private final Map<String, String> patients = new ConcurrentHashMap<>();
  private final Map<String, String> encounters = new ConcurrentHashMap<>();
  private final Map<String, String> referenced = new ConcurrentHashMap<>();
  /** {@code Type/} by resource type, made once for at most {@value #TYPES_REMEMBERED} types. */
  private static final int TYPES_REMEMBERED = 512;
  private final Map<String, byte[]> typePrefixes = new ConcurrentHashMap<>();

  public Pseudonyms(KeyedPseudonymizer keyed) {
    this.keyed = keyed;
  }

  /** The pseudonymous id of the resource {@code type/id}. */
  public String id(String type, String id) {
    return switch (type) {
      case "Patient" -> remembered(patients, id, i -> keyed.pseudonym(PseudonymDomain.PATIENT, i));
      case "Encounter" ->
          remembered(encounters, id, i -> keyed.pseudonym(PseudonymDomain.ENCOUNTER, i));
      default -> keyed.pseudonym(PseudonymDomain.RESOURCE, typePrefix(type),
          id.getBytes(StandardCharsets.UTF_8));
    };
  }

  /**
   * {@link #id(String, String)} of an id given as its UTF-8 bytes {@code utf8[offset, offset +
   * length)}, which must be well-formed.
   */
  public String id(String type, byte[] utf8, int offset, int length) {
    if (type.equals("Patient") || type.equals("Encounter")) {
      return id(type, new String(utf8, offset, length, StandardCharsets.UTF_8));
    }
    return keyed.pseudonym(PseudonymDomain.RESOURCE, typePrefix(type), utf8, offset, length);
  }

  /**
   * The UTF-8 bytes of {@code type + "/"}: remembered for the first few hundred types (references
   * may name any).
   */
  private byte[] typePrefix(String type) {
    byte[] prefix = typePrefixes.get(type);
    if (prefix == null) {
      prefix = (type + "/").getBytes(StandardCharsets.UTF_8);
      if (typePrefixes.size() < TYPES_REMEMBERED) {
        typePrefixes.put(type, prefix);
      }
    }
    return prefix;
  }

  /** The value of {@code key} in the bounded {@code cache}, computed and kept when missing. */
  private static String remembered(Map<String, String> cache, String key,
      UnaryOperator<String> compute) {
    String value = cache.get(key);
    if (value == null) {
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      value = compute.apply(key);
      cache.put(key, value);
    }
    return value;
  }

  /** The pseudonym of a business identifier ({@code system|value}). */
  public String identifier(String system, String value) {
    return keyed.pseudonym(PseudonymDomain.IDENTIFIER, (system == null ? "" : system) + "|" + value);
  }

  /**
   * {@code Type/pseudonym} for an original {@code Type/id}, or null if it has no slash. Remembered:
   * the same targets (patients, encounters, medications, organisations) are referenced again and
   * again.
   */
  public String reference(String typeSlashId) {
    int slash = typeSlashId.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    return remembered(referenced, typeSlashId, ref -> {
      String type = ref.substring(0, slash);
      return type + "/" + id(type, ref.substring(slash + 1));
    });
  }
}
