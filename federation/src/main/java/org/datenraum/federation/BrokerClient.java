package org.datenraum.federation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.AuditPage;
import org.datenraum.federation.v1.SiteOverview;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.IssuedKey;
import org.datenraum.federation.v1.NewPrincipal;
import org.datenraum.federation.v1.NewSavedQuery;
import org.datenraum.federation.v1.SavedQuery;
import org.datenraum.federation.v1.Principal;
import org.datenraum.federation.v1.ProblemDocument;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestPage;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.StartedRound;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.SurveillanceDays;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;

/**
 * Calls the broker's v1 API with one API key: the node's calls (poll, status, result), the
 * researcher's (submit, read) and the operator's (register, revoke, list). The broker decides
 * what the key's role may do. A call that cannot reach the broker throws
 * {@link UncheckedIOException}. Thread-safe.
 */
public final class BrokerClient {

  private static final Duration CONNECT = Duration.ofSeconds(3);
  private static final Duration SLACK = Duration.ofSeconds(10);
  private static final String TLS_HINT = " (TLS handshake: the broker's certificate must be trusted (--truststore)"
      + " and name the host of the address; a broker that requires client certificates needs --client-keystore)";

  private final URI base;
  private final String key;
  private final HttpClient http;

  private BrokerClient(URI base, String key, HttpClient http) {
    this.base = base;
    this.key = key;
    this.http = http;
  }

  /** @param base the broker's address, e.g. {@code http://127.0.0.1:8080} */
  public static BrokerClient of(URI base, String key) {
    return of(base, key, null);
  }

  /** As {@link #of(URI, String)}, trusting the given TLS context for {@code https} addresses. */
  public static BrokerClient of(URI base, String key, SSLContext tls) {
    requireNonNull(base, "base");
    requireNonNull(key, "key");
    String text = base.toString();
    URI normal = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      b.sslContext(tls);
    }
    return new BrokerClient(normal, key.strip(), b.build());
  }

  // node

  /** The broker's address. */
  public URI base() {
    return base;
  }

  /** Requests waiting for this site; waits up to {@code wait} for one to arrive. */
  public Reply<List<RequestDocument>> poll(Duration wait, boolean resume) {
    String q = "?wait=" + wait.toMillis() + "ms" + (resume ? "&resume=true" : "");
    return call(get("/v1/node/requests" + q).timeout(wait.plus(SLACK)),
        body -> WireJson.readList(body, RequestDocument.class));
  }

  public Reply<Void> status(String requestId, StatusUpdate update) {
    return call(send("POST", "/v1/node/requests/" + enc(requestId) + "/status", WireJson.write(update)), b -> null);
  }

  public Reply<Void> upload(String requestId, SiteResult result) {
    return call(send("PUT", "/v1/node/requests/" + enc(requestId) + "/result", WireJson.write(result)), b -> null);
  }

  /** One part of a site's released daily counts for a surveillance round. */
  public Reply<Void> uploadDaily(String requestId, DailyCounts counts) {
    return call(send("PUT", "/v1/node/requests/" + enc(requestId) + "/daily-counts", WireJson.write(counts)),
        b -> null);
  }

  /** The days of daily counts the broker holds of this site (a site's key). */
  public Reply<SurveillanceDays> surveillanceDays() {
    return call(get("/v1/node/surveillance/days"), b -> WireJson.read(b, SurveillanceDays.class));
  }

  /**
   * Hands the broker this site's audit head and returns the broker's own; 409 when the head is
   * behind (or differs from) the one the broker holds for the site.
   */
  public Reply<AuditHead> exchangeAuditHead(AuditHead site) {
    return call(send("PUT", "/v1/node/audit-head", WireJson.write(site)), b -> WireJson.read(b, AuditHead.class));
  }

  /** The head of this site's audit log that the broker holds; 404 when it holds none. */
  public Reply<AuditHead> heldAuditHead() {
    return call(get("/v1/node/audit-head"), b -> WireJson.read(b, AuditHead.class));
  }

  // researcher

  /** The network's surveillance series of [from, to]; null bounds mean all days. */
  public Reply<SurveillanceView> surveillance(LocalDate from, LocalDate to) {
    return call(get(surveillancePath(from, to)).timeout(Duration.ofMinutes(2)),
        b -> WireJson.read(b, SurveillanceView.class));
  }

  /**
   * As {@link #surveillance(LocalDate, LocalDate)} with the view's entity tag; when {@code held}
   * (a tag from an earlier reply, or null) still names the current view, the reply is 304 with
   * that tag and no view.
   */
  public Reply<TaggedView> surveillance(LocalDate from, LocalDate to, String held) {
    HttpRequest.Builder request = get(surveillancePath(from, to)).timeout(Duration.ofMinutes(2));
    if (held != null) {
      request.header("If-None-Match", held);
    }
    HttpResponse<String> r = exchange(request.build());
    String tag = r.headers().firstValue("ETag").orElse(null);
    if (r.statusCode() == 304) {
      return new Reply<>(304, new TaggedView(tag, null), null, null);
    }
    if (r.statusCode() / 100 == 2) {
      return new Reply<>(r.statusCode(), new TaggedView(tag, WireJson.read(r.body(), SurveillanceView.class)), null,
          null);
    }
    return new Reply<>(r.statusCode(), null, problem(r), null);
  }

  /** A surveillance view with its entity tag; the view is null when the broker answered 304. */
  public record TaggedView(String tag, SurveillanceView view) {}

  private static String surveillancePath(LocalDate from, LocalDate to) {
    StringBuilder q = new StringBuilder();
    if (from != null) {
      q.append("?from=").append(from);
    }
    if (to != null) {
      q.append(q.length() == 0 ? "?" : "&").append("to=").append(to);
    }
    return "/v1/surveillance" + q;
  }

  public Reply<RequestView> submit(Submission submission) {
    return call(send("POST", "/v1/requests", WireJson.write(submission)), b -> WireJson.read(b, RequestView.class));
  }

  /**
   * A page of the caller's own requests, newest first.
   *
   * @param limit  requests per page (1 to 100)
   * @param before the {@code next} of the previous page, or null for the newest
   */
  public Reply<RequestPage> requests(int limit, String before) {
    String q = "?limit=" + limit + (before == null ? "" : "&before=" + enc(before));
    return call(get("/v1/requests" + q), b -> WireJson.read(b, RequestPage.class));
  }

  /** A request's state; with a positive {@code wait}, returns once every site is final or the wait ends. */
  public Reply<RequestView> request(String requestId, Duration wait) {
    String q = wait.isZero() ? "" : "?wait=" + wait.toMillis() + "ms";
    return call(get("/v1/requests/" + enc(requestId) + q).timeout(wait.plus(SLACK)),
        b -> WireJson.read(b, RequestView.class));
  }

  /** The caller's saved queries, newest first. */
  public Reply<List<SavedQuery>> savedQueries() {
    return call(get("/v1/saved-queries"), b -> WireJson.readList(b, SavedQuery.class));
  }

  public Reply<SavedQuery> saveQuery(NewSavedQuery q) {
    return call(send("POST", "/v1/saved-queries", WireJson.write(q)), b -> WireJson.read(b, SavedQuery.class));
  }

  public Reply<SavedQuery> savedQuery(String id) {
    return call(get("/v1/saved-queries/" + enc(id)), b -> WireJson.read(b, SavedQuery.class));
  }

  public Reply<Void> deleteSavedQuery(String id) {
    return call(builder("/v1/saved-queries/" + enc(id)).DELETE(), b -> null);
  }

  // operator

  public Reply<IssuedKey> addSite(String name) {
    return call(send("POST", "/v1/admin/sites", WireJson.write(new NewPrincipal(name))),
        b -> WireJson.read(b, IssuedKey.class));
  }

  public Reply<IssuedKey> addResearcher(String name) {
    return call(send("POST", "/v1/admin/researchers", WireJson.write(new NewPrincipal(name))),
        b -> WireJson.read(b, IssuedKey.class));
  }

  public Reply<Void> revoke(String name) {
    return call(builder("/v1/admin/principals/" + enc(name)).DELETE(), b -> null);
  }

  /** Sets the standing surveillance request. */
  public Reply<StandingSurveillance> standing(StandingSurveillance standing) {
    return call(send("PUT", "/v1/admin/surveillance", WireJson.write(standing)),
        b -> WireJson.read(b, StandingSurveillance.class));
  }

  /** Starts a surveillance round now, for the days through {@code through} (null: yesterday). */
  public Reply<StartedRound> startRound(LocalDate through) {
    String body = through == null ? "{}" : "{\"through\":\"" + through + "\"}";
    return call(send("POST", "/v1/admin/surveillance/rounds", body), b -> WireJson.read(b, StartedRound.class));
  }

  /** A surveillance round's status at every site. */
  public Reply<StartedRound> round(String id) {
    return call(get("/v1/admin/surveillance/rounds/" + enc(id)), b -> WireJson.read(b, StartedRound.class));
  }

  /** The principal this client's key belongs to. */
  public Reply<Principal> me() {
    return call(get("/v1/me"), b -> WireJson.read(b, Principal.class));
  }

  /** Every registered site with its last contact and unfinished requests. */
  public Reply<List<SiteOverview>> sites() {
    return call(get("/v1/admin/sites"), b -> WireJson.readList(b, SiteOverview.class));
  }

  /** A page of the broker's audit log, newest first; {@code before} is the {@code next} of the previous page. */
  public Reply<AuditPage> audit(int limit, Long before) {
    return call(get("/v1/admin/audit?limit=" + limit + (before == null ? "" : "&before=" + before)),
        b -> WireJson.read(b, AuditPage.class));
  }

  /** Verifies the broker's audit log: 200 with {@code intact} and {@code entries}, 409 when broken. */
  public Reply<com.fasterxml.jackson.databind.JsonNode> verifyAudit() {
    return call(get("/v1/admin/audit/verify"), b -> WireJson.read(b, com.fasterxml.jackson.databind.JsonNode.class));
  }

  public Reply<List<Principal>> principals() {
    return call(get("/v1/admin/principals"), b -> WireJson.readList(b, Principal.class));
  }

  /** A raw call, for tests of the API's edges. */
  public HttpResponse<String> raw(String method, String path, String body) {
    HttpRequest.BodyPublisher p = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    return exchange(builder(path).method(method, p).header("Content-Type", "application/json").build());
  }

  private HttpRequest.Builder get(String path) {
    return builder(path).GET();
  }

  private HttpRequest.Builder send(String method, String path, String json) {
    return builder(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(SLACK)
        .header("Authorization", "Bearer " + key)
        .header("Accept", "application/json");
  }

  private <T> Reply<T> call(HttpRequest.Builder request, Function<String, T> decode) {
    HttpResponse<String> r = exchange(request.build());
    if (r.statusCode() / 100 == 2) {
      return new Reply<>(r.statusCode(), decode.apply(r.body()), null, null);
    }
    Duration retry = r.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
    return new Reply<>(r.statusCode(), null, problem(r), retry);
  }

  private static ProblemDocument problem(HttpResponse<String> r) {
    try {
      return WireJson.read(r.body(), ProblemDocument.class);
    } catch (WireFormatException e) {
      return new ProblemDocument(null, "HTTP " + r.statusCode(), r.statusCode(),
          "The broker answered HTTP " + r.statusCode() + " without a problem document.", "DR-5000", null);
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      IOException reason = new IOException("cannot reach the broker at " + base + ": " + e.getMessage()
          + (e instanceof SSLException ? TLS_HINT : ""), e);
      throw new UncheckedIOException(reason.getMessage(), reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
