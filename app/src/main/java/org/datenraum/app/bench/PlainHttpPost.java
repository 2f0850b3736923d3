package org.datenraum.app.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bench's lean HTTP/1.1 client: one keep-alive connection, a {@code POST} with
 * {@code Content-Length}, the answer's status read and its body (sized or chunked) skipped. It
 * stands for a hospital system on another machine, so that the clients in the bench's process
 * take little of the CPU the node needs. One per client thread; not thread-safe.
 */
final class PlainHttpPost implements AutoCloseable {

  private final URI uri;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  PlainHttpPost(URI uri) {
    this.uri = uri;
  }

  /** Posts {@code body} as {@code text/xml} with the bearer key and returns the answer's status. */
  int post(String key, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket(uri.getHost(), uri.getPort());
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }
    out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: `" + status + "`");
    }
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:")) {
        chunked = lower.contains("chunked");
      } else if (lower.startsWith("connection:")) {
        close = lower.contains("close");
      }
    }
    if (chunked) {
      for (long n = Long.parseLong(line().strip(), 16); n > 0; n = Long.parseLong(line().strip(), 16)) {
        skip(n + 2);
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      skip(length);
    }
    if (close) {
      close();
    }
    return Integer.parseInt(status.substring(9, 12));
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the node closed the connection in an answer");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private void skip(long n) throws IOException {
    in.skipNBytes(n);
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
