package org.datenraum.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page client for the portal bench: keeps the session cookie and form token as a browser does, times each answer. */
final class PageClient {

  /** One answer: status, body and the time from sending to the last byte. */
  record Timed(int status, String body, double millis, String location) {}

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf = "";

  PageClient(URI base) {
    this.base = base;
  }

  Timed get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Timed post(String path, Map<String, String> form) {
    StringBuilder b = new StringBuilder("_csrf=" + enc(csrf));
    form.forEach((k, v) -> b.append('&').append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
  }

  /** Signs in with the key; refuses to go on when the portal does not accept it. */
  void signIn(String key) {
    get("/signin");
    Timed t = post("/signin", Map.of("key", key));
    if (t.status() != 303) {
      throw new IllegalStateException("the portal at " + base + " refused the bench's key (HTTP " + t.status() + ")");
    }
  }

  private Timed send(HttpRequest.Builder b) {
    if (!cookies.isEmpty()) {
      StringBuilder c = new StringBuilder();
      cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      b.header("Cookie", c.toString());
    }
    try {
      long start = System.nanoTime();
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      double millis = (System.nanoTime() - start) / 1e6;
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      Matcher m = TOKEN.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return new Timed(r.statusCode(), r.body(), millis, r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
