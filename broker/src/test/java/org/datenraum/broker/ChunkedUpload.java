package org.datenraum.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one request whose body has no length (chunked transfer coding) over a plain socket from
 * one reused buffer, so the sender itself allocates nothing while the body streams, and reads the
 * status line concurrently. The sender pauses after {@link #PAUSE_AT} bytes until the server
 * answers (then it stops) or for at most 15 s (then it sends the rest): a server that refuses the
 * body early is seen at the pause, one that reads it all only after the end.
 */
final class ChunkedUpload {

  /** What the server answered, and how many body bytes had been written when it did. */
  record Outcome(String statusLine, String body, long writtenAtAnswer) {
    int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  static final long PAUSE_AT = 2_000_000;

  private ChunkedUpload() {}

  /** A JSON submission padded to {@code bytes} with one long string inside its query. */
  static Outcome submission(int port, String key, long bytes) throws Exception {
    return post(port, "/v1/requests", key, "{\"type\":\"feasibility\",\"query\":{\"pad\":\"", "\"}}", bytes);
  }

  /** A JSON document of {@code bytes}: {@code head}, a run of {@code x}, {@code tail}. */
  static Outcome post(int port, String path, String key, String start, String end, long bytes) throws Exception {
    byte[] head = start.getBytes(StandardCharsets.US_ASCII);
    byte[] tail = end.getBytes(StandardCharsets.US_ASCII);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      AtomicLong written = new AtomicLong();
      CountDownLatch answered = new CountDownLatch(1);
      Thread writer = new Thread(() -> write(s, path + " " + key, new byte[][] {head, tail}, bytes, written, answered),
          "chunked-writer");
      writer.setDaemon(true);
      writer.start();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      long at = written.get();
      answered.countDown();
      StringBuilder rest = new StringBuilder();
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          rest.append(line).append('\n');
        }
      } catch (IOException closedEarly) {
        // the server may reset the connection while the body still streams
      }
      writer.join(60_000);
      return new Outcome(status, rest.toString(), at);
    }
  }

  private static void write(Socket s, String pathAndKey, byte[][] ends, long bytes, AtomicLong written,
      CountDownLatch answered) {
    byte[] head = ends[0];
    byte[] tail = ends[1];
    try {
      OutputStream out = s.getOutputStream();
      String[] target = pathAndKey.split(" ");
      out.write(("POST " + target[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + target[1]
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      chunk(out, head, head.length);
      byte[] pad = new byte[64 * 1024];
      Arrays.fill(pad, (byte) 'x');
      long left = bytes - head.length - tail.length;
      boolean paused = false;
      while (left > 0) {
        if (!paused && written.get() >= PAUSE_AT) {
          paused = true;
          if (answered.await(15, TimeUnit.SECONDS)) {
            return;
          }
        }
        int n = (int) Math.min(pad.length, left);
        chunk(out, pad, n);
        left -= n;
        written.addAndGet(n);
      }
      chunk(out, tail, tail.length);
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException stoppedByServer) {
      // expected once the server has answered and closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void chunk(OutputStream out, byte[] b, int n) throws IOException {
    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b, 0, n);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
