package org.datenraum.broker;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.datenraum.privacy.NetworkDisclosure;
import org.datenraum.privacy.QuotaPolicy;

/**
 * The broker's settings. Immutable.
 *
 * @param dataDir       holds the state database ({@code broker.db}) and the operator key
 * @param port          the TCP port on 127.0.0.1 or the given host; 0 picks a free one
 * @param host          the address to listen on
 * @param expiry        how long sites may take when a submission names no expiry
 * @param quota         submissions per researcher
 * @param disclosure    how merged answers are shown
 */
public record BrokerConfig(Path dataDir, String host, int port, Duration expiry, QuotaPolicy quota,
    NetworkDisclosure disclosure) {

  public BrokerConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port `" + port + "` must be between 0 and 65535.");
    }
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("expiry `" + expiry + "` must be positive.");
    }
    requireNonNull(quota, "quota");
    requireNonNull(disclosure, "disclosure");
  }

  /** Defaults: all interfaces, one hour to answer, 3/min and 50/week, "&lt; 20". */
  public static BrokerConfig of(Path dataDir, int port) {
    return new BrokerConfig(dataDir, "0.0.0.0", port, Duration.ofHours(1), QuotaPolicy.defaults(),
        NetworkDisclosure.defaults());
  }

  public BrokerConfig withHost(String h) {
    return new BrokerConfig(dataDir, h, port, expiry, quota, disclosure);
  }

  public BrokerConfig withQuota(QuotaPolicy q) {
    return new BrokerConfig(dataDir, host, port, expiry, q, disclosure);
  }

  public BrokerConfig withExpiry(Duration e) {
    return new BrokerConfig(dataDir, host, port, e, quota, disclosure);
  }

  /** Runtime parts that tests replace: the clock. */
  public record Runtime(Clock clock, Duration sweepEvery) {
    public Runtime {
      requireNonNull(clock, "clock");
      requireNonNull(sweepEvery, "sweepEvery");
    }

    public static Runtime system() {
      return new Runtime(Clock.systemUTC(), Duration.ofSeconds(1));
    }
  }
}
