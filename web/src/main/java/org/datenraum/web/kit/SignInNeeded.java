package org.datenraum.web.kit;

/** The page needs a signed-in user: the browser goes to the sign-in page (and comes back after). */
final class SignInNeeded extends RuntimeException {

  private final boolean expired;

  SignInNeeded(boolean expired) {
    super(null, null, false, false);
    this.expired = expired;
  }

  boolean expired() {
    return expired;
  }
}
