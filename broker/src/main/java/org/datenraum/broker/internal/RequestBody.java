package org.datenraum.broker.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a request body, never more than {@link #MAX_BYTES}: a larger announced length is refused
 * before anything is read, a body without a length (chunked) as soon as it passes the limit. The
 * body must be UTF-8 text, as JSON is on the wire.
 */
final class RequestBody {

  /** The largest body the broker accepts (the largest document, 92 days of daily counts, is far below). */
  static final int MAX_BYTES = 1_000_000;

  private RequestBody() {}

  /** The body as text; empty when there is none. */
  static String text(Context ctx) {
    checkAnnounced(ctx);
    byte[] bytes = read(ctx);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiProblem.invalid("$", "The body is not UTF-8 text: send JSON encoded as UTF-8.");
    }
  }

  /** Refuses a body whose announced length is over the limit; for every route, before authentication. */
  static void checkAnnounced(Context ctx) {
    long announced = ctx.req().getContentLengthLong();
    if (announced > MAX_BYTES) {
      throw tooLarge(announced + " bytes");
    }
  }

  private static byte[] read(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooLarge("more than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException | BadMessageException e) {
      throw ApiProblem.invalid("$", "The body could not be read to its end: send it again.");
    }
  }

  private static ApiProblem tooLarge(String size) {
    return new ApiProblem(413, "Payload too large", "DR-5413", "The body of " + size + " is larger than the broker"
        + " accepts (" + MAX_BYTES + " bytes): send a smaller document.", "$", null);
  }
}
