package org.datenraum.store.duckdb.feasibility;

/**
 * A 64-bit hash of a resource key {@code Type/id} (FNV-1a, then the MurmurHash3 finaliser).
 * Sibling and reference tests compare these within one patient: a wrong match would need two
 * resources of one patient whose hashes collide.
 */
final class ResourceHash {

  private ResourceHash() {}

  static long of(String type, String id) {
    long h = mix(0xcbf29ce484222325L, type);
    h = (h ^ '/') * 0x100000001b3L;
    return finish(mix(h, id));
  }

  /** The hash of a reference code {@code Type/id}; equals {@link #of} of its parts. */
  static long ofReference(String reference) {
    return finish(mix(0xcbf29ce484222325L, reference));
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
