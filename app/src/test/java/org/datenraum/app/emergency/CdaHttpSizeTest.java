package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.node.http.NodeHttpRoutes;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP (a socket that writes the request itself): every document over the receiver's
 * size limit gets 413 with a FHIR OperationOutcome, also above the port's own limit and as a
 * chunked body without {@code Content-Length}, while only the start of the body has been sent;
 * nothing stored is lost; other routes keep the port's own 413.
 */
class CdaHttpSizeTest {

  private static final int MIB = 1024 * 1024;

  @TempDir Path tmp;

  @Test
  void everyOversizedDocumentIsAnsweredByTheReceiver() throws Exception {
    SiteDirectory site = new SiteDirectory(tmp.resolve("site")).create();
    LocalKeys keys = LocalKeys.in(new NodeDirectory(site.root()).root());
    String key = keys.create("kis", LocalRole.SITE_IMPORT, Clock.systemUTC(), new SplittableRandom(5)).value();
    byte[] doc = new SyntheticEdDocuments(5, YearMonth.of(2026, 11)).next(0).getBytes(StandardCharsets.UTF_8);
    NodeHttpRoutes echo = routes -> routes.add(HandlerType.POST, "/local/echo", LocalRole.SITE_IMPORT,
        ctx -> ctx.result(Integer.toString(ctx.bodyAsBytes().length)));
    long overPort = NodeHttp.MAX_BODY_BYTES + MIB;
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(CdaHttpRoute.of(site), echo))) {
      Answer stored = post(http, CdaHttpRoute.PATH, key, doc.length, doc, doc.length);
      assertThat(stored.status).isEqualTo(201);

      Answer declared = post(http, CdaHttpRoute.PATH, key, overPort, new byte[64 * 1024], 64 * 1024);
      assertThat(declared.status).isEqualTo(413);
      assertThat(declared.contentType).startsWith("application/fhir+json");
      assertThat(declared.body).contains("\"resourceType\":\"OperationOutcome\"").contains("DR-7212")
          .contains("too-costly").contains(overPort + " bytes");

      Answer chunked = post(http, CdaHttpRoute.PATH, key, -1, new byte[256 * 1024], overPort);
      assertThat(chunked.status).isEqualTo(413);
      assertThat(chunked.contentType).startsWith("application/fhir+json");
      assertThat(chunked.body).contains("\"resourceType\":\"OperationOutcome\"").contains("DR-7212")
          .contains("more than " + CdaImport.DEFAULT_MAX_BYTES + " bytes");

      Answer justOver = post(http, CdaHttpRoute.PATH, key, -1, new byte[4096], CdaImport.DEFAULT_MAX_BYTES + 1);
      assertThat(justOver.status).as("one byte over the receiver's limit, chunked").isEqualTo(413);

      byte[] second = new SyntheticEdDocuments(5, YearMonth.of(2026, 11)).next(1).getBytes(StandardCharsets.UTF_8);
      assertThat(post(http, CdaHttpRoute.PATH, key, -1, second, second.length).status)
          .as("a chunked document within the limit is read whole").isEqualTo(201);

      Answer other = post(http, "/local/echo", key, overPort, new byte[64 * 1024], 64 * 1024);
      assertThat(other.status).isEqualTo(413);
      assertThat(other.contentType).startsWith("application/problem+json");
      assertThat(other.body).contains("DR-7108");
      assertThat(post(http, "/local/echo", key, 3, "abc".getBytes(StandardCharsets.UTF_8), 3).body).isEqualTo("3");
    }
    try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      assertThat(store.facts().filter(f -> f.resourceType().equals("Encounter")).count()).isEqualTo(2);
      assertThat(store.quarantine()).hasSize(3)
          .allSatisfy(q -> assertThat(q.problem().code()).isEqualTo("DR-7212"));
    }
  }

  /** The status, content type and body of an answer. */
  private record Answer(int status, String contentType, String body) {}

  /**
   * Posts {@code total} bytes ({@code chunk} repeated, the last one cut) with a declared
   * {@code Content-Length} of {@code length}, or chunked when it is -1, and reads the answer: the
   * body is written on its own thread, which stops when the node closes the connection.
   */
  private static Answer post(NodeHttp http, String path, String key, long length, byte[] chunk, long total)
      throws Exception {
    try (Socket socket = new Socket(http.uri().getHost(), http.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
          + "\r\nContent-Type: text/xml\r\nConnection: close\r\n"
          + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> writeBody(out, chunk, total, length < 0));
      writer.start();
      Answer a = read(socket.getInputStream());
      writer.join(20_000);
      return a;
    }
  }

  private static void writeBody(OutputStream out, byte[] chunk, long total, boolean chunked) {
    try {
      for (long sent = 0; sent < total; sent += chunk.length) {
        int n = (int) Math.min(chunk.length, total - sent);
        if (chunked) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(chunk, 0, n);
        if (chunked) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException closedByTheNode) {
      // the node answered before the whole body was sent and closed the connection
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    String[] head = all.substring(0, end).split("\r\n");
    String type = "";
    boolean chunked = false;
    for (String h : head) {
      String lower = h.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = h.substring(13).strip();
      }
      chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
    }
    String body = all.substring(end + 4);
    return new Answer(Integer.parseInt(head[0].split(" ")[1]), type, chunked ? unchunk(body) : body);
  }

  private static String unchunk(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      int n = Integer.parseInt(body.substring(at, eol).strip(), 16);
      if (n == 0) {
        return out.toString(StandardCharsets.ISO_8859_1);
      }
      out.write(body.substring(eol + 2, eol + 2 + n).getBytes(StandardCharsets.ISO_8859_1), 0, n);
      at = eol + 2 + n + 2;
    }
  }
}
