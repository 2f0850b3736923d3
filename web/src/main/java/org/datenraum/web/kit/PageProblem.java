package org.datenraum.web.kit;

/**
 * A refusal a page shows as its own page, with an HTTP status and a message that carries its
 * stable code ({@code DR-7xxx ...}). Thrown by handlers, shown by {@link PortalKit}.
 */
public final class PageProblem extends RuntimeException {

  private final int status;

  public PageProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static PageProblem notFound(String message) {
    return new PageProblem(404, message);
  }

  public static PageProblem forbidden(String message) {
    return new PageProblem(403, message);
  }

  public static PageProblem invalid(String message) {
    return new PageProblem(400, message);
  }
}
