package org.datenraum.broker.internal;

/** The paging parameters of the operator's listings. */
final class Listing {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private Listing() {}

  static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblem.invalid("limit", "Query parameter `limit` `" + text + "` must be a whole number from 1 to "
        + MAX_LIMIT + ".");
  }

  static Long before(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.invalid("before", "Query parameter `before` `" + text + "` must be an entry number: pass the"
          + " `next` of the previous page.");
    }
  }
}
