package org.datenraum.broker;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.datenraum.privacy.NetworkDisclosure;
import org.datenraum.privacy.QuotaPolicy;

/**
 * The broker's settings. Immutable.
 *
 * @param dataDir       holds the state database ({@code broker.db}) and the operator key
 * @param endpoint      where and how the broker listens
 * @param expiry        how long sites may take when a submission names no expiry
 * @param quota         submissions per researcher
 * @param disclosure    how merged answers are shown
 */
public record BrokerConfig(Path dataDir, Endpoint endpoint, Duration expiry, QuotaPolicy quota,
    NetworkDisclosure disclosure) {

  public BrokerConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(endpoint, "endpoint");
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("expiry of `" + expiry.toMinutes() + "` minutes must be positive: give at"
          + " least 1 minute.");
    }
    requireNonNull(quota, "quota");
    requireNonNull(disclosure, "disclosure");
  }

  /**
   * The listening socket.
   *
   * @param host the address to listen on
   * @param port the TCP port; 0 picks a free one
   * @param tls  HTTPS settings; empty for plain HTTP
   */
  public record Endpoint(String host, int port, Optional<BrokerTls> tls) {
    public Endpoint {
      requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port `" + port + "` must be between 0 and 65535.");
      }
      requireNonNull(tls, "tls");
    }
  }

  /** Defaults: plain HTTP on 127.0.0.1 only, one hour to answer, 3/min and 50/week, "&lt; 20". */
  public static BrokerConfig of(Path dataDir, int port) {
    return new BrokerConfig(dataDir, new Endpoint("127.0.0.1", port, Optional.empty()), Duration.ofHours(1),
        QuotaPolicy.defaults(), NetworkDisclosure.defaults());
  }

  public String host() {
    return endpoint.host();
  }

  public int port() {
    return endpoint.port();
  }

  public BrokerConfig withHost(String h) {
    return new BrokerConfig(dataDir, new Endpoint(h, endpoint.port(), endpoint.tls()), expiry, quota, disclosure);
  }

  /** HTTPS only, with these settings. */
  public BrokerConfig withTls(BrokerTls t) {
    return new BrokerConfig(dataDir, new Endpoint(endpoint.host(), endpoint.port(), Optional.of(t)), expiry, quota,
        disclosure);
  }

  public BrokerConfig withQuota(QuotaPolicy q) {
    return new BrokerConfig(dataDir, endpoint, expiry, q, disclosure);
  }

  public BrokerConfig withExpiry(Duration e) {
    return new BrokerConfig(dataDir, endpoint, e, quota, disclosure);
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
