package org.datenraum.web.kit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The page texts of one language, from message bundles ({@code NAME.properties} German,
 * {@code NAME_en.properties} English, UTF-8); later bundles are searched first. A missing key shows
 * as {@code ??key??}. Immutable and thread-safe.
 */
public final class Messages {

  /** German, the default. */
  public static final String GERMAN = "de";
  public static final String ENGLISH = "en";
  /** The languages the pages speak. */
  public static final List<String> LANGUAGES = List.of(GERMAN, ENGLISH);

  private final String lang;
  private final List<ResourceBundle> bundles;

  private Messages(String lang, List<ResourceBundle> bundles) {
    this.lang = lang;
    this.bundles = bundles;
  }

  /** The texts of {@code lang} (German when it is not one of {@link #LANGUAGES}) from these bundle base names. */
  public static Messages of(String lang, List<String> bundleNames) {
    String l = lang != null && LANGUAGES.contains(lang) ? lang : GERMAN;
    Locale locale = l.equals(GERMAN) ? Locale.ROOT : Locale.ENGLISH;
    List<ResourceBundle> found = new ArrayList<>();
    for (int i = bundleNames.size() - 1; i >= 0; i--) {
      found.add(ResourceBundle.getBundle(bundleNames.get(i), locale, Messages.class.getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
    return new Messages(l, List.copyOf(found));
  }

  /** The language code, {@code de} or {@code en}. */
  public String lang() {
    return lang;
  }

  /** The text of the key. */
  public String get(String key) {
    for (ResourceBundle b : bundles) {
      try {
        return b.getString(key);
      } catch (MissingResourceException e) {
        // the next bundle may have it
      }
    }
    return "??" + key + "??";
  }

  /** The text of the key with {@code {0}}, {@code {1}}, ... replaced (MessageFormat). */
  public String get(String key, Object... args) {
    return new MessageFormat(get(key), lang.equals(GERMAN) ? Locale.GERMAN : Locale.ENGLISH).format(args);
  }

  /** Whether some bundle has the key. */
  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }
}
