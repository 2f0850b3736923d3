package org.datenraum.web.kit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' scripts and styles, served from the classpath under {@code /assets/NAME}: htmx and
 * ECharts from their WebJars, the pages' own CSS and JS. Nothing comes from another host.
 */
final class Assets {

  static final String PREFIX = "/assets/";

  /** name served → classpath resource. */
  private static final Map<String, String> FILES = Map.of(
      "htmx.min.js", "/META-INF/resources/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js",
      "echarts.min.js", "/META-INF/resources/webjars/echarts/" + version("echarts") + "/dist/echarts.min.js",
      "portal.css", "/org/datenraum/web/assets/portal.css",
      "portal.js", "/org/datenraum/web/assets/portal.js");

  private final Map<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

  void routes(Javalin app) {
    app.get(PREFIX + "{name}", this::serve);
  }

  private void serve(Context ctx) {
    String name = ctx.pathParam("name");
    String resource = FILES.get(name);
    if (resource == null) {
      throw PageProblem.notFound("DR-7004 No asset `" + name + "`.");
    }
    byte[] bytes = cache.computeIfAbsent(name, n -> read(resource));
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    ctx.result(bytes);
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("asset " + resource + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The WebJar's version, from its Maven metadata on the classpath. */
  private static String version(String artifact) {
    String pom = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("WebJar " + artifact + " is missing from the classpath");
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
