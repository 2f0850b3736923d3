package org.datenraum.query.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What one fact must look like to satisfy a criterion. Immutable.
 *
 * @param resourceTypes the fact's resource type is one of these (empty: any)
 * @param codeKey       where the criterion's codes are looked up: null for the fact's code, else
 *                      the name of an attribute (e.g. {@code category}), matched as in
 *                      {@link FactTest.AttributeIn}
 * @param codes         the codes, expanded to descendants; null matches any fact
 * @param value         test on the fact's value, or null
 * @param tests         further tests, all must hold
 * @param window        the fact's time must overlap this window
 */
public record FactPattern(
    Set<String> resourceTypes, String codeKey, CodeSet codes, ValueTest value, List<FactTest> tests, TimeWindow window) {

  public FactPattern {
    resourceTypes = Set.copyOf(resourceTypes);
    tests = List.copyOf(tests);
    requireNonNull(window, "window");
  }

  /** This pattern with another code set. */
  public FactPattern withCodes(CodeSet other) {
    return new FactPattern(resourceTypes, codeKey, other, value, tests, window);
  }
}
