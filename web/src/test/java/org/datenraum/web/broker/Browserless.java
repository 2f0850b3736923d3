package org.datenraum.web.broker;

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

/** A plain HTTP client that keeps the portal's cookies and reads its form token, like a browser would. */
public final class Browserless {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;
  final Map<String, String> cookies = new LinkedHashMap<>();
  public String csrf;

  public Browserless(URI base) {
    this(base, null);
  }

  /** Over HTTPS, trusting the given context (null: the JDK's defaults). */
  public Browserless(URI base, javax.net.ssl.SSLContext tls) {
    this.base = base;
    HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
    this.http = (tls == null ? b : b.sslContext(tls)).build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    StringBuilder b = new StringBuilder();
    form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
  }

  /** Posts a multipart form with one file field {@code file} and text fields. */
  HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] content) {
    String boundary = "----datenraum" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary="
        + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Signs in with the key (fetching the sign-in page for its token first); returns the answer to the POST. */
  public HttpResponse<String> signIn(String key) {
    get("/signin");
    return post("/signin", Map.of("_csrf", csrf, "key", key));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    if (!cookies.isEmpty()) {
      StringBuilder c = new StringBuilder();
      cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      b.header("Cookie", c.toString());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
          cookies.remove(pair.substring(0, eq));
        } else {
          cookies.put(pair.substring(0, eq), value);
        }
      }
      Matcher m = TOKEN.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
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
