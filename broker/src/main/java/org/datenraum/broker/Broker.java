package org.datenraum.broker;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.datenraum.broker.internal.Api;
import org.datenraum.broker.internal.AuditApi;
import org.datenraum.broker.internal.AuditTable;
import org.datenraum.broker.internal.BindAddress;
import org.datenraum.broker.internal.Database;
import org.datenraum.broker.internal.HttpErrors;
import org.datenraum.broker.internal.PageSessionTable;
import org.datenraum.broker.internal.RequestLog;
import org.datenraum.broker.internal.Principals;
import org.datenraum.broker.internal.RequestLedger;
import org.datenraum.broker.internal.SiteAuditHeads;
import org.datenraum.broker.internal.SiteLabels;
import org.datenraum.broker.internal.SurveillanceApi;
import org.datenraum.broker.internal.SurveillanceLedger;
import org.datenraum.broker.internal.SurveillancePrebuild;
import org.datenraum.broker.internal.TlsConnector;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditReport;
import org.datenraum.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central service: registers sites and researchers, hands requests to site nodes that poll
 * for them, tracks every site's status, merges the protected answers, and keeps it all, with an
 * audit log, in {@code DIR/broker.db}. Thread-safe; stop with {@link #close()}.
 */
public final class Broker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

  /** The logger of the one line per request handled (level INFO). */
  public static final String REQUEST_LOG = RequestLog.LOGGER;

  private final Javalin http;
  private final Database db;
  private final ScheduledExecutorService sweeper;
  private final Optional<Path> newOperatorKey;
  private final Runnable stopParts;
  private final String listening;

  private Broker(Javalin http, Database db, ScheduledExecutorService sweeper, Optional<Path> newOperatorKey,
      Runnable stopParts, String listening) {
    this.stopParts = stopParts;
    this.listening = listening;
    this.http = http;
    this.db = db;
    this.sweeper = sweeper;
    this.newOperatorKey = newOperatorKey;
  }

  public static Broker start(BrokerConfig config) {
    return start(config, BrokerConfig.Runtime.system());
  }

  public static Broker start(BrokerConfig config, BrokerConfig.Runtime runtime) {
    return start(config, runtime, BrokerPages.NONE);
  }

  /** Starts the broker with pages beside its API (the portal). */
  public static Broker start(BrokerConfig config, BrokerConfig.Runtime runtime, BrokerPages pages) {
    requireNonNull(config, "config");
    requireNonNull(pages, "pages");
    Optional<SSLContext> tls = config.endpoint().tls().map(BrokerTls::sslContext);
    createDirectory(config.dataDir());
    Database db = Database.open(databaseFile(config.dataDir()));
    try {
      AuditTable audit = AuditTable.open(db, config.dataDir(), runtime.clock());
      Principals principals = new Principals(db, runtime.clock(), audit);
      Optional<Path> keyFile = principals.createOperatorIfAbsent().map(k -> writeOperatorKey(config.dataDir(), k));
      RequestLedger ledger = new RequestLedger(db, runtime.clock(), config, principals, SiteLabels.load(db), audit);
      Javalin app = Javalin.create(cfg -> {
        cfg.showJavalinBanner = false;
        cfg.startupWatcherEnabled = false;
        HttpErrors.install(cfg);
        RequestLog.install(cfg);
        cfg.events.serverStopped(() -> anchor(audit));
        tls.ifPresent(context -> cfg.jetty.addConnector((server, http) -> TlsConnector.of(server, http, config.host(),
            config.port(), context, config.endpoint().tls().orElseThrow().clientAuth())));
      });
      new Api(principals, ledger, db).routes(app);
      SurveillanceLedger surveillance = new SurveillanceLedger(db, runtime.clock(), ledger, principals, audit);
      SurveillancePrebuild prebuild = new SurveillancePrebuild(surveillance, pages::surveillanceBuilt);
      surveillance.onChange(prebuild::refresh);
      new SurveillanceApi(principals, surveillance).routes(app);
      new AuditApi(principals, db, config.dataDir(), new SiteAuditHeads(db, runtime.clock())).routes(app);
      pages.routes(app, () -> selfUri(tls.isPresent(), config.host(), app.port()),
          config.endpoint().tls().map(BrokerTls::selfClientContext), new PageSessionTable(db));
      try {
        listen(app, config);
      } catch (RuntimeException e) {
        prebuild.close();
        throw e;
      }
      ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-expiry");
        t.setDaemon(true);
        return t;
      });
      long every = runtime.sweepEvery().toMillis();
      sweeper.scheduleWithFixedDelay(() -> sweep(ledger), every, every, TimeUnit.MILLISECONDS);
      sweeper.scheduleWithFixedDelay(() -> dailyRound(surveillance), 0, every, TimeUnit.MILLISECONDS);
      sweeper.scheduleWithFixedDelay(prebuild::refresh, 0, every, TimeUnit.MILLISECONDS);
      sweeper.scheduleWithFixedDelay(() -> anchor(audit), every, every, TimeUnit.MILLISECONDS);
      String scheme = tls.isPresent() ? "https" : "http";
      Runnable stopParts = () -> {
        prebuild.close();
        ledger.close();
      };
      Broker broker = new Broker(app, db, sweeper, keyFile, stopParts,
          BindAddress.describe(scheme, config.host(), app.port()));
      LOG.info("broker listening on {}", broker.listening());
      return broker;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Starts the server; an address that is not this machine's, or a port in use, is named as such. */
  private static void listen(Javalin app, BrokerConfig config) {
    BindAddress.check(config.host());
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      app.stop();
      throw new IllegalStateException("DR-5821 --port `" + config.port() + "` on `" + config.host()
          + "` is in use by another process: stop it or choose another port.", e);
    }
  }

  private static void sweep(RequestLedger ledger) {
    try {
      int n = ledger.expireDue();
      if (n > 0) {
        LOG.info("expired {} site request(s)", n);
      }
    } catch (RuntimeException e) {
      LOG.error("expiry sweep failed", e);
    }
  }

  private static void anchor(AuditTable audit) {
    try {
      audit.anchorHead();
    } catch (RuntimeException e) {
      LOG.error("cannot write the audit head file", e);
    }
  }

  private static void dailyRound(SurveillanceLedger surveillance) {
    try {
      surveillance.startDailyRoundIfDue().ifPresent(id -> LOG.info("started surveillance round {}", id));
    } catch (RuntimeException e) {
      LOG.error("cannot start the daily surveillance round", e);
    }
  }

  private static URI selfUri(boolean https, String host, int port) {
    boolean any = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    String h = any ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create((https ? "https" : "http") + "://" + h + ":" + port);
  }

  /** The port the broker listens on. */
  public int port() {
    return http.port();
  }

  /** Where the broker listens, such as {@code http://127.0.0.1:8080}, for people to read. */
  public String listening() {
    return listening;
  }

  /** The address for clients on this machine (with HTTPS, the certificate must name 127.0.0.1). */
  public URI localUri() {
    return URI.create((tls() ? "https" : "http") + "://127.0.0.1:" + port());
  }

  /** Whether the broker speaks HTTPS. */
  public boolean tls() {
    return listening.startsWith("https:");
  }

  /** The operator key file written at this start, if this was the first start. */
  public Optional<Path> newOperatorKey() {
    return newOperatorKey;
  }

  /** The state database file in a data directory. */
  public static Path databaseFile(Path dataDir) {
    return dataDir.resolve("broker.db");
  }

  /**
   * Verifies the audit log of a stopped broker's data directory with its key ({@code DIR/audit.key}),
   * against the head file the broker keeps ({@code DIR/audit-head.json}) and the broker heads that
   * sites hold ({@code SITE/node/broker-audit-head.json}). A running broker holds the database;
   * ask it via {@code GET /v1/admin/audit/verify} instead.
   */
  public static AuditReport verifyAudit(Path dataDir, List<AuditAnchor> heldBySites) {
    Path file = databaseFile(dataDir);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--data `" + dataDir + "` holds no broker database (broker.db).");
    }
    try (Database db = Database.open(file)) {
      return AuditTable.verify(db, dataDir, heldBySites);
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    stopParts.run();
    http.stop();
    db.close();
  }

  private static void createDirectory(Path dir) {
    try {
      OwnerOnly.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker data directory " + dir, e);
    }
  }

  private static Path writeOperatorKey(Path dir, String key) {
    Path f = dir.resolve("operator.key");
    try {
      Files.deleteIfExists(f);
      OwnerOnly.writeNew(f, (key + "\n").getBytes(StandardCharsets.UTF_8));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the operator key " + f, e);
    }
  }
}
