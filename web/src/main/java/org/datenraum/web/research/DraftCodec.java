package org.datenraum.web.research;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlWriter;

/**
 * A draft in the page's address ({@code ?q=}): its CCDL JSON, deflated, in URL-safe Base64, so a
 * link opens the same query. Stateless and thread-safe.
 */
public final class DraftCodec {

  /** The longest CCDL JSON a link may carry once inflated. */
  static final int MAX_JSON = 200_000;

  private DraftCodec() {}

  public static String encode(Draft d) {
    if (d.isEmpty()) {
      return "";
    }
    byte[] json = CcdlWriter.tree(d.query().get()).toString().getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(json);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /** The draft in a link; a link that does not carry a query is refused with DR-7028. */
  public static Result<Draft> decode(String token) {
    if (token == null || token.isBlank()) {
      return Result.ok(Draft.empty());
    }
    try {
      byte[] packed = Base64.getUrlDecoder().decode(token.strip());
      Inflater inflater = new Inflater(true);
      inflater.setInput(packed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_JSON) {
          return Result.fail(broken());
        }
      }
      inflater.end();
      var parsed = CcdlParser.parse(out.toString(StandardCharsets.UTF_8));
      return parsed.isOk() ? Result.ok(Draft.of(parsed.value())) : Result.fail(broken());
    } catch (IllegalArgumentException | DataFormatException e) {
      return Result.fail(broken());
    }
  }

  private static Problem broken() {
    return Problem.invalid("DR-7028", "The link does not carry a readable query (parameter `q`): open the editor"
        + " from the navigation and build the query again, or ask for a fresh link.");
  }
}
