package org.datenraum.broker.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.datenraum.federation.v1.WireJson;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answers to requests that never reach a route (a malformed request line, headers that
 * are too large, a body that is cut off) as problem documents instead of HTML pages with the
 * server's own words.
 */
public final class JettyProblems extends ErrorHandler {

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status = response.getStatus();
    byte[] body = WireJson.write(HttpErrors.generic(status)).getBytes(StandardCharsets.UTF_8);
    response.setContentType(HttpErrors.PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    base.setHandled(true);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, HttpErrors.PROBLEM_JSON);
    return ByteBuffer.wrap(WireJson.write(HttpErrors.generic(status)).getBytes(StandardCharsets.UTF_8));
  }
}
