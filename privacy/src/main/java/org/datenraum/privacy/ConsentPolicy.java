package org.datenraum.privacy;

/** Which patients a site counts, judged by their recorded MII broad consent. */
public enum ConsentPolicy {
  /** Count everyone except patients whose latest research-use provision is {@code deny}. */
  EXCLUDE_DENIED,
  /** Count only patients whose latest research-use provision is {@code permit}. */
  REQUIRE_PERMIT
}
