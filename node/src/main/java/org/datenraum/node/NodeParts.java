package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.datenraum.federation.BrokerClient;
import org.datenraum.query.mapping.TermCodeMapping;

/**
 * What a node is wired from. Immutable.
 *
 * @param cohorts   the site's data
 * @param mapping   the term-code mapping for CCDL
 * @param broker    the client with the site's key
 * @param directory the node's files in the site directory
 * @param clock     time for query dates and audit entries
 * @param random    the source of jitter in reconnection delays (disclosure noise comes from the site's noise secret)
 */
public record NodeParts(Cohorts cohorts, TermCodeMapping mapping, BrokerClient broker, NodeDirectory directory,
    Clock clock, RandomGenerator random) {

  public NodeParts {
    requireNonNull(cohorts, "cohorts");
    requireNonNull(mapping, "mapping");
    requireNonNull(broker, "broker");
    requireNonNull(directory, "directory");
    requireNonNull(clock, "clock");
    requireNonNull(random, "random");
  }
}
