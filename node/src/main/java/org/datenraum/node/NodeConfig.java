package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosurePolicy;

/**
 * A site node's settings. Immutable.
 *
 * @param autoApprove request types approved without a person; null to use the rules saved at the
 *                    site, which apply only while the policies below are unchanged
 * @param consent     which patients are counted
 * @param disclosure  noise, rounding and threshold for everything that leaves the site
 * @param pollWait    how long one long poll waits at the broker
 * @param backoff     reconnection after failures
 */
public record NodeConfig(Set<RequestType> autoApprove, ConsentPolicy consent, DisclosurePolicy disclosure,
    Duration pollWait, Backoff backoff) {

  public NodeConfig {
    autoApprove = autoApprove == null ? null : Set.copyOf(autoApprove);
    requireNonNull(consent, "consent");
    requireNonNull(disclosure, "disclosure");
    if (pollWait.isNegative() || pollWait.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("poll wait `" + pollWait + "` must be between 0 and 60 seconds.");
    }
    requireNonNull(backoff, "backoff");
  }

  /** Saved approval rules, consent denial excluded, the default disclosure policy, 25 s polls. */
  public static NodeConfig defaults() {
    return new NodeConfig(null, ConsentPolicy.EXCLUDE_DENIED, DisclosurePolicy.defaults(), Duration.ofSeconds(25),
        Backoff.defaults());
  }

  public NodeConfig withAutoApprove(Set<RequestType> types) {
    return new NodeConfig(types, consent, disclosure, pollWait, backoff);
  }

  public NodeConfig withConsent(ConsentPolicy c) {
    return new NodeConfig(autoApprove, c, disclosure, pollWait, backoff);
  }

  public NodeConfig withBackoff(Backoff b) {
    return new NodeConfig(autoApprove, consent, disclosure, pollWait, b);
  }

  public NodeConfig withDisclosure(DisclosurePolicy d) {
    return new NodeConfig(autoApprove, consent, d, pollWait, backoff);
  }

  /** A stable text naming the policies a saved approval rule depends on. */
  public String policyFingerprint() {
    return "consent=" + consent.name() + ";" + disclosure.describe();
  }
}
