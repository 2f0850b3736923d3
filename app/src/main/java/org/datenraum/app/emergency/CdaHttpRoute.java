package org.datenraum.app.emergency;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.VisitStore;
import org.datenraum.node.http.LocalProblem;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.LocalRoutes;
import org.datenraum.node.http.NodeHttpRoutes;
import org.datenraum.store.SiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AKTIN's import endpoint on the node's local port: {@code POST /aktin/cda/fhir/Binary} with a CDA
 * document as {@code text/xml} or {@code application/xml}, for site-import keys only; answered as
 * AKTIN's server answers (status, {@code Location}, a FHIR OperationOutcome). Thread-safe.
 */
public final class CdaHttpRoute implements NodeHttpRoutes {

  public static final String PATH = "/aktin/cda/fhir/Binary";
  private static final Logger LOG = LoggerFactory.getLogger(CdaHttpRoute.class);
  /** How long the store stays open after the last document. */
  static final Duration IDLE = Duration.ofSeconds(1);

  private final SiteDirectory site;
  private final VisitStore store;
  private final StoreLease lease;
  private volatile GroupCommit commits;
  private boolean closed;

  private CdaHttpRoute(SiteDirectory site, VisitStore store, StoreLease lease) {
    this.site = site;
    this.store = store;
    this.lease = lease;
  }

  /** The endpoint of a node that opens the site store while documents arrive (and frees it between bursts). */
  public static CdaHttpRoute of(SiteDirectory site) {
    StoreLease lease = new StoreLease(site, IDLE);
    return new CdaHttpRoute(site, new Leased(lease), lease);
  }

  /** The endpoint over a site store this process holds open (the demo's nodes). */
  public static CdaHttpRoute held(SiteDirectory site, SiteStore store) {
    return new CdaHttpRoute(site, new SiteVisitStore(store), null);
  }

  /**
   * Adds the endpoint; documents answered before a crash but not yet in the store (the import
   * journal) are written to the store now, or, when the store cannot be opened now, before the
   * next document is answered.
   */
  @Override
  public void register(LocalRoutes routes) {
    if (CdaJournal.hasDocuments(site.root())) {
      try {
        commits();
      } catch (RuntimeException e) {
        LOG.warn("the import journal's documents could not be written to the site store now; they are"
            + " written before the next document is answered: {}", e.getMessage());
      }
    }
    routes.add(HandlerType.POST, PATH, LocalRole.SITE_IMPORT, this::receive);
  }

  /** Writes the answered documents to the store and frees it. */
  @Override
  public void close() {
    GroupCommit c;
    synchronized (this) {
      closed = true;
      c = commits;
    }
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      if (lease != null) {
        lease.close();
      }
    }
  }

  private void receive(Context ctx) throws InterruptedException {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("text/xml") && !type.startsWith("application/xml")) {
      throw LocalProblem.of(415, "DR-7214", "The content type `" + ctx.contentType() + "` is not XML: post the CDA"
          + " document as `text/xml` or `application/xml`.");
    }
    ImportAnswer a = submit(ctx, commits(), "HTTP " + LocalRoutes.principal(ctx).name());
    ctx.status(a.status());
    if (a.location() != null) {
      ctx.header("Location", a.location());
    }
    ctx.contentType("application/fhir+json");
    ctx.result(a.operationOutcome());
  }

  /**
   * Reads the body up to the receiver's size limit, never further: a larger document (declared by
   * its {@code Content-Length} or found while reading a chunked body) is refused with 413 and an
   * OperationOutcome without reading the rest, whatever the port's own limit for other routes.
   */
  private static ImportAnswer submit(Context ctx, GroupCommit commits, String source) throws InterruptedException {
    int max = commits.receiver().maxBytes();
    long declared = ctx.req().getContentLengthLong();
    if (declared > max) {
      return commits.submit(new CdaImport.Incoming(source, new byte[0]), commits.receiver().tooLarge(source, declared));
    }
    byte[] body;
    try {
      body = ctx.req().getInputStream().readNBytes(max + 1);
    } catch (IOException e) {
      throw LocalProblem.of(400, "DR-7245", "The document's body broke off while it was read (`" + e.getMessage()
          + "`): send the whole document again.");
    }
    if (body.length > max) {
      return commits.submit(new CdaImport.Incoming(source, new byte[0]), commits.receiver().tooLarge(source, -1));
    }
    return commits.submit(source, body);
  }

  /**
   * The receiver and its group commit, made at the first document or at the start when the journal
   * holds documents (compiling the CDA schema takes a moment).
   */
  private GroupCommit commits() {
    GroupCommit c = commits;
    if (c == null) {
      synchronized (this) {
        if (closed) {
          throw LocalProblem.of(503, "DR-7216", "The node is stopping: send the document again once it runs.");
        }
        if (commits == null) {
          commits = GroupCommit.open(CdaImport.of(site.pseudonymizer()), store, site.root());
        }
        c = commits;
      }
    }
    return c;
  }

  /** The receiver's store through the lease: each call holds the store only as long as it takes. */
  private record Leased(StoreLease lease) implements VisitStore {

    @Override
    public Optional<String> resourceJson(ResourceKey key) {
      return lease.with(s -> s.resourceJson(key));
    }

    @Override
    public Optional<String> patientByIdentifier(String identifierPseudonym) {
      return lease.with(s -> s.patientByIdentifier(identifierPseudonym));
    }

    @Override
    public boolean hasPatient(String pseudonym) {
      return lease.with(s -> s.hasPatient(pseudonym));
    }

    @Override
    public Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
      return lease.with(s -> s.resourceJson(keys));
    }

    @Override
    public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
      return lease.with(s -> s.patientsByIdentifier(identifierPseudonyms));
    }

    @Override
    public void write(WriteBatch batch) {
      lease.with(s -> {
        s.write(batch);
        return null;
      });
    }
  }
}
