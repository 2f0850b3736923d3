package org.datenraum.web.kit;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The pages' templates (src/main/jte), compiled to classes at build time; output is escaped as
 * HTML unless a template says otherwise. Thread-safe.
 */
public final class Templates {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Templates() {}

  /** Renders a template (e.g. {@code broker/home.jte}) with its parameters. */
  public static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    ENGINE.render(name, params, out);
    return out.toString();
  }
}
