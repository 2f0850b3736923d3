package org.datenraum.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;

/**
 * Reads a patient's MII broad consent from Consent facts: the provision "MDAT wissenschaftlich
 * nutzen" ({@code 2.16.840.1.113883.3.1937.777.24.5.3.8}) decides research use, and the latest
 * such provision wins (deny on a tie). Stateless and thread-safe.
 */
public final class BroadConsent {

  /** The MII broad-consent policy code system. */
  public static final String SYSTEM = "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3";

  /** The provision permitting scientific use of medical data. */
  public static final Coding RESEARCH_USE = new Coding(SYSTEM, "2.16.840.1.113883.3.1937.777.24.5.3.8");

  static final String PROVISION_TYPE = "http://hl7.org/fhir/consent-provision-type";

  private static final Comparator<Fact> LATEST_FIRST_DENY_ON_TIE = Comparator
      .comparing((Fact f) -> f.start() == null ? Instant.MIN : f.start()).reversed()
      .thenComparing(f -> "deny".equals(type(f)) ? 0 : 1);

  private BroadConsent() {}

  /** Whether a fact may decide consent: a Consent fact on the research-use provision. */
  public static boolean isResearchUse(Fact f) {
    return f.resourceType().equals("Consent") && f.code().equals(RESEARCH_USE);
  }

  /** The latest recorded research-use decision among a patient's facts, if any. */
  public static Optional<Boolean> researchPermitted(Stream<Fact> patientFacts) {
    return patientFacts
        .filter(BroadConsent::isResearchUse)
        .filter(f -> type(f) != null)
        .min(LATEST_FIRST_DENY_ON_TIE)
        .map(f -> "permit".equals(type(f)));
  }

  /** Whether a patient with this recorded decision (empty: none recorded) is counted. */
  public static boolean counted(ConsentPolicy policy, Optional<Boolean> permitted) {
    requireNonNull(policy, "policy");
    return switch (policy) {
      case EXCLUDE_DENIED -> permitted.orElse(true);
      case REQUIRE_PERMIT -> permitted.orElse(false);
    };
  }

  private static String type(Fact f) {
    Coding c = f.codedValue();
    return c != null && c.system().equals(PROVISION_TYPE) ? c.code() : null;
  }
}
