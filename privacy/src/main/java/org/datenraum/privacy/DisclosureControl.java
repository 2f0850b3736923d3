package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides what a site may release for a count of patients: nothing when fewer than the
 * threshold are counted, else the true count plus Laplace noise drawn from the cell key of the
 * counted patients, rounded. The released value is a function of the secret, the policy and the
 * set of patients counted, not of the question's wording, so asking again in any words (or in
 * another stratum that counts the same patients) returns the same value and averaging teaches
 * nothing. Immutable and thread-safe.
 */
public final class DisclosureControl {

  private final DisclosurePolicy policy;
  private final CellKey keys;

  private DisclosureControl(DisclosurePolicy policy, CellKey keys) {
    this.policy = policy;
    this.keys = keys;
  }

  public static DisclosureControl of(DisclosurePolicy policy, CellKey keys) {
    return new DisclosureControl(requireNonNull(policy, "policy"), requireNonNull(keys, "keys"));
  }

  public DisclosurePolicy policy() {
    return policy;
  }

  /**
   * The releasable value of a count, or empty when it must not leave the site.
   *
   * @param patients the pseudonyms of the patients counted (duplicates count once)
   */
  public OptionalLong release(Collection<String> patients) {
    requireNonNull(patients, "patients");
    return release(keys.sum(patients instanceof Set<String> s ? s : new HashSet<>(patients)));
  }

  /**
   * The releasable value of the count of the distinct patients summarised by {@code sum} (e.g. from
   * a {@link RecordKeyTable} made with this control's {@link #keys()}): the same as for their
   * pseudonyms.
   */
  public OptionalLong release(CellSum sum) {
    requireNonNull(sum, "sum");
    if (sum.count() < policy.threshold()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(LaplaceObfuscator.obfuscate(policy, sum.count(), keys.of(policy, sum)));
  }

  /** The cell keys under the site's secret, to make record-key tables from. */
  public CellKey keys() {
    return keys;
  }
}
