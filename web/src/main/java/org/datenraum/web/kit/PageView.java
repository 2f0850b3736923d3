package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the layout shows around every page: title, texts, who is signed in, the form token, the
 * navigation and the messages of the last action. Immutable.
 *
 * @param title   the page's title (already in the page's language)
 * @param t       the texts of the page's language
 * @param brand   the name in the header, e.g. the network or the site
 * @param user    who is signed in
 * @param csrf    the token every form carries
 * @param path    the current path (marks the navigation entry, builds the language links)
 * @param langBase where the language links point, without {@code lang=}: this page with its query (a draft, a
 *                search), ending in {@code ?} or {@code &}
 * @param nav     the navigation
 * @param notices messages of success to show
 * @param errors  messages of refusal to show
 */
public record PageView(String title, Messages t, String brand, Optional<User> user, String csrf, String path,
    String langBase, List<NavLink> nav, List<String> notices, List<String> errors) {

  public PageView {
    requireNonNull(title, "title");
    requireNonNull(t, "t");
    requireNonNull(brand, "brand");
    requireNonNull(user, "user");
    requireNonNull(csrf, "csrf");
    requireNonNull(path, "path");
    requireNonNull(langBase, "langBase");
    nav = List.copyOf(nav);
    notices = List.copyOf(notices);
    errors = List.copyOf(errors);
  }

  /** The same page with a message of refusal added (a problem's message in the page's language, {@link Messages#problem}). */
  public PageView withError(String message) {
    List<String> e = new java.util.ArrayList<>(errors);
    e.add(t.problem(message));
    return new PageView(title, t, brand, user, csrf, path, langBase, nav, notices, e);
  }

  /** The same page with a message of success added (a problem's message in the page's language). */
  public PageView withNotice(String message) {
    List<String> n = new java.util.ArrayList<>(notices);
    n.add(t.problem(message));
    return new PageView(title, t, brand, user, csrf, path, langBase, nav, n, errors);
  }

  /** Whether a navigation entry is the current page (or a page below it). */
  public boolean current(NavLink link) {
    return path.equals(link.path()) || (!link.path().equals("/") && path.startsWith(link.path() + "/"));
  }

  /** This page in another language, keeping its query (a query, a search). */
  public String langHref(String lang) {
    return langBase + "lang=" + lang;
  }

  public String lang() {
    return t.lang();
  }
}
