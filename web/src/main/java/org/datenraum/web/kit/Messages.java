package org.datenraum.web.kit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern CODE = Pattern.compile("(DR-\\d{4})\\b");
  private static final Pattern QUOTED = Pattern.compile("`[^`\n]{1,200}`");

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

  /** A whole number as the page's language writes it: {@code 12.345} in German, {@code 12,345} in English. */
  public String number(long n) {
    return format("#,##0").format(n);
  }

  /**
   * A number with at most {@code digits} decimals, none when it is whole: {@code 6,5} and {@code 1.234,75}
   * in German, {@code 6.5} and {@code 1,234.75} in English.
   */
  public String decimal(double v, int digits) {
    return format("#,##0" + (digits > 0 ? "." + "#".repeat(digits) : "")).format(v);
  }

  /** A number with exactly {@code digits} decimals: {@code 3,40} in German, {@code 3.40} in English. */
  public String fixed(double v, int digits) {
    return format("#,##0" + (digits > 0 ? "." + "0".repeat(digits) : "")).format(v);
  }

  /** A share as a percentage with one decimal ({@code 93,4 %} in German); a dash when there is nothing to share. */
  public String percent(long with, long of) {
    return of == 0 ? "–" : fixed(100.0 * with / of, 1) + " %";
  }

  private java.text.DecimalFormat format(String pattern) {
    java.text.DecimalFormat f = new java.text.DecimalFormat(pattern,
        java.text.DecimalFormatSymbols.getInstance(lang.equals(GERMAN) ? Locale.GERMANY : Locale.ENGLISH));
    f.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return f;
  }

  /** The text of the key with {@code {0}}, {@code {1}}, ... replaced (MessageFormat). */
  public String get(String key, Object... args) {
    return new MessageFormat(get(key), lang.equals(GERMAN) ? Locale.GERMAN : Locale.ENGLISH).format(args);
  }

  /**
   * A problem's message ({@code DR-xxxx ...}) in this language: the texts' {@code problem.DR-xxxx}
   * (or {@code problem.DR-xxxx.plain} when the message quotes no value) with {@code {0}} the
   * message after its code and {@code {1}}, {@code {2}}, ... the values it quotes in backticks. A
   * message without a code, or whose code the texts do not word, is returned as it is.
   */
  public String problem(String message) {
    Matcher m = CODE.matcher(message);
    if (!m.lookingAt()) {
      return message;
    }
    List<Object> args = new ArrayList<>();
    args.add(message.substring(m.end()).strip());
    Matcher v = QUOTED.matcher(message);
    while (v.find()) {
      args.add(v.group());
    }
    String key = "problem." + m.group(1);
    if (args.size() == 1 && has(key + ".plain")) {
      key = key + ".plain";
    } else if (!has(key)) {
      return message;
    }
    return get(key, args.toArray());
  }

  /**
   * A problem's message without its code, worded in this language as {@link #problem} words
   * {@code code + " " + message}; for pages that show the code beside it.
   */
  public String reason(String code, String message) {
    String worded = problem(code + " " + message);
    return worded.startsWith(code + " ") ? worded.substring(code.length() + 1) : worded;
  }

  /** The text of the key, or {@code fallback} when no bundle has it (e.g. a code without a label). */
  public String getOr(String key, String fallback) {
    return has(key) ? get(key) : fallback;
  }

  /** Whether some bundle has the key. */
  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }
}
