package org.datenraum.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.ingest.fhir.Lookups;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.node.Cohorts;
import org.datenraum.core.Result;
import org.datenraum.node.InventoryReport;
import org.datenraum.node.ReportCells;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.registry.biosamples.AvailabilityReport;
import org.datenraum.registry.biosamples.SampleTypes;
import org.datenraum.registry.biosamples.SpecimenCatalog;
import org.datenraum.node.SiteReport;
import org.datenraum.node.SiteReports;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.Plan;
import org.datenraum.node.Node;
import org.datenraum.node.NodeConfig;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.NodeParts;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.web.broker.BrokerPortal;

/**
 * A real network on loopback for page tests: a broker serving the portal, and per site a
 * generated hospital loaded into its own DuckDB store with a node polling the broker. Sites are
 * auto-approving unless named manual. Stop with {@link #close()}. Not thread-safe.
 */
public final class PortalNetwork implements AutoCloseable {

  /** The researcher registered at start. */
  public static final String RESEARCHER = "alice";

  private final Path dir;
  private final Broker broker;
  private final String operatorKey;
  private final String researcherKey;
  private final Map<String, Path> siteDirs = new LinkedHashMap<>();
  private final List<DuckDbSiteStore> stores = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  private PortalNetwork(Path dir, Broker broker, String operatorKey, String researcherKey) {
    this.dir = dir;
    this.broker = broker;
    this.operatorKey = operatorKey;
    this.researcherKey = researcherKey;
  }

  /**
   * Starts the broker with its portal in {@code dir/broker}, and a node for each site (name →
   * patients) generated with the seed.
   */
  public static PortalNetwork start(Path dir, Map<String, Integer> sites, long seed, List<String> manual) {
    Broker broker = Broker.start(BrokerConfig.of(dir.resolve("broker"), 0),
        new BrokerConfig.Runtime(Clock.systemUTC(), Duration.ofSeconds(1)),
        BrokerPortal.of(Clock.systemUTC(), new SecureRandom()));
    PortalNetwork n = null;
    try {
      String op = Files.readString(dir.resolve("broker/operator.key")).strip();
      BrokerClient operator = BrokerClient.of(broker.localUri(), op);
      n = new PortalNetwork(dir, broker, op, operator.addResearcher(RESEARCHER).orThrow().key());
      long s = seed;
      for (var e : sites.entrySet()) {
        Path site = n.load(e.getKey(), e.getValue(), s++);
        n.startNode(e.getKey(), site, operator.addSite(e.getKey()).orThrow().key(), manual.contains(e.getKey()));
      }
      return n;
    } catch (IOException e) {
      broker.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (n != null) {
        n.close();
      } else {
        broker.close();
      }
      throw e;
    }
  }

  private Path load(String name, int patients, long seed) throws IOException {
    Path fhir = dir.resolve("fhir").resolve(name);
    Path site = dir.resolve("sites").resolve(name);
    Files.createDirectories(site);
    HospitalGenerator.of(GeneratorConfig.of(patients, seed, "Klinikum " + name, LocalDate.of(2024, 1, 1), 1,
        List.of()).value()).writeTo(fhir, 1, false, (d, t, r, b) -> { });
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(site.resolve("site.duckdb"), Clock.systemUTC())) {
      FhirIngest.of(KeyedPseudonymizer.of(secret)).load(List.of(fhir), Lookups.none(), store::write, (a, b, c) -> { });
    }
    siteDirs.put(name, site);
    return site;
  }

  private void startNode(String name, Path site, String key, boolean manual) {
    DuckDbSiteStore store = DuckDbSiteStore.open(site.resolve("site.duckdb"), Clock.systemUTC());
    stores.add(store);
    NodeConfig config = NodeConfig.defaults().withAutoApprove(manual ? EnumSet.noneOf(RequestType.class)
        : EnumSet.of(RequestType.FEASIBILITY, RequestType.STRATIFIED, RequestType.REPORT));
    Cohorts cohorts = withInventory(Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store), store);
    nodes.add(Node.start(config, new NodeParts(cohorts, Mappings.builtIn(), BrokerClient.of(broker.localUri(), key),
        new NodeDirectory(site), Clock.systemUTC(), new SecureRandom())));
  }

  /** The cohorts with the reports {@code inventory}, {@code icu} and {@code biosamples}. */
  private static Cohorts withInventory(Cohorts cohorts, DuckDbSiteStore store) {
    SiteReports reports = SiteReport.all(List.of(new InventoryReport(store), new IcuTestReport(store),
        biosamples(cohorts, store)));
    return new Cohorts() {
      @Override
      public List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
        return cohorts.select(plan, queryDate, consent);
      }

      @Override
      public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
        return cohorts.firstYear(patients, code);
      }

      @Override
      public SiteReports reports() {
        return reports;
      }
    };
  }

  /** The registry report {@code biosamples} wired as the application wires it. */
  private static SiteReport biosamples(Cohorts cohorts, DuckDbSiteStore store) {
    return new SiteReport() {
      @Override
      public String name() {
        return AvailabilityReport.NAME;
      }

      @Override
      public Result<ReportCells> cells(Map<String, String> parameters, LocalDate today, ConsentPolicy consent) {
        return AvailabilityReport.cohortQuery(parameters).flatMap(CcdlParser::parse)
            .flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).map(plan -> {
              Set<String> cohort = new java.util.HashSet<>();
              cohorts.select(plan, today, consent).forEach(p -> cohort.add(p.pseudonym()));
              SpecimenCatalog catalog = SpecimenCatalog.of(() -> store.factsOfType(SampleTypes.SPECIMEN));
              SpecimenCatalog.Grouping grouping = AvailabilityReport.grouping(parameters);
              return new ReportCells(cohort, catalog.cells(cohort, AvailabilityReport.cells(grouping), grouping));
            });
      }
    };
  }

  /** The portal's address (the broker's). */
  public URI portal() {
    return broker.localUri();
  }

  public Broker broker() {
    return broker;
  }

  public String operatorKey() {
    return operatorKey;
  }

  public String researcherKey() {
    return researcherKey;
  }

  /** Each site's data directory (its store is {@code site.duckdb}). */
  public Map<String, Path> siteDirs() {
    return Map.copyOf(siteDirs);
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The site stores the nodes answer from, in the order of the sites. */
  public List<DuckDbSiteStore> stores() {
    return List.copyOf(stores);
  }

  @Override
  public void close() {
    nodes.forEach(Node::close);
    stores.forEach(DuckDbSiteStore::close);
    broker.close();
  }
}
