package org.datenraum.app.surveillance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in to the broker's portal with a key over plain HTTP and fetches pages with the session cookie. */
final class PortalPage {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern SESSION = Pattern.compile("dr_session=([^;]+)");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private String cookie;

  PortalPage(String base, String key) throws Exception {
    this.base = base;
    HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET());
    Matcher t = TOKEN.matcher(form.body());
    if (!t.find()) {
      throw new AssertionError("no CSRF token on the sign-in page: " + form.body());
    }
    String body = "_csrf=" + URLEncoder.encode(t.group(1), StandardCharsets.UTF_8) + "&key="
        + URLEncoder.encode(key.strip(), StandardCharsets.UTF_8);
    HttpResponse<String> in = send(HttpRequest.newBuilder(URI.create(base + "/signin"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (in.statusCode() != 303) {
      throw new AssertionError("sign-in answered " + in.statusCode() + ": " + in.body());
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    if (cookie != null) {
      b.header("Cookie", "dr_session=" + cookie);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String set : r.headers().allValues("Set-Cookie")) {
      Matcher m = SESSION.matcher(set);
      if (m.find()) {
        cookie = m.group(1);
      }
    }
    return r;
  }
}
