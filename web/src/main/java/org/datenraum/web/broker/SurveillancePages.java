package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.BuiltOnce;
import org.datenraum.core.Result;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.SurveillanceCut;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.datenraum.web.kit.Messages;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.Templates;
import org.datenraum.web.kit.User;

/** The network's surveillance: syndromic and pathogen series per site and network with their signals. */
final class SurveillancePages {

  private final PortalKit kit;
  private final BrokerCalls calls;
  private final SurveillanceCache cache = SurveillanceCache.forPortal();
  /** The sections' HTML of the days shown last, per evaluation, days (every day, or a range) and language. */
  private final BuiltOnce<Shown, String> shown = new BuiltOnce<>(16);
  /** The whole view (every day) with its tag and evaluation: the broker answers 304 while it is current. */
  private volatile Held whole;

  /** A whole view of the broker's, its tag and its evaluation. */
  private record Held(String tag, SurveillanceView view, SurveillanceModel.Evaluated evaluated) {}

  /** What a page's sections depend on: the evaluation (by identity), the days and sites shown, the language. */
  private record Shown(SurveillanceModel.Evaluated evaluated, LocalDate first, LocalDate last, List<String> sites,
      String lang) {}

  SurveillancePages(PortalKit kit, BrokerCalls calls) {
    this.kit = kit;
    this.calls = calls;
  }

  void routes(Javalin app) {
    app.get("/surveillance", this::page);
  }

  /**
   * Takes the broker's view of the whole range (no bounds) built ahead of its readers: keeps it
   * with its tag, evaluates it and renders the page's sections of every day in each language, so
   * the first page view after new data, of every day or of a range, asks the broker with that tag
   * (304) and finds the evaluation done (and, for every day, the sections rendered).
   */
  void prepare(String tag, byte[] json) {
    SurveillanceView v = WireJson.read(new String(json, StandardCharsets.UTF_8), SurveillanceView.class);
    Result<SurveillanceModel.Evaluated> evaluated = cache.evaluated(v, SignalConfig.defaults());
    if (evaluated.isOk()) {
      Messages.LANGUAGES.forEach(lang -> sections(evaluated.value(), v, kit.messages(lang)));
      whole = new Held(tag, v, evaluated.value());
    }
  }

  /**
   * The page of every day, or of the days {@code from}..{@code to}: the broker's whole view (asked
   * with the tag held, so usually 304), evaluated once over every day, and the range cut from it
   * ({@link SurveillanceCut}, the view the broker gives for that range) with the epochs within it.
   */
  private void page(Context ctx) {
    User u = kit.user(ctx, Set.of(BrokerPortal.RESEARCHER, BrokerPortal.OPERATOR));
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw PageProblem.invalid("DR-7151 `from` `" + from + "` lies after `to` `" + to + "`: swap them.");
    }
    Held last = whole;
    Reply<BrokerClient.TaggedView> view = calls.reply(u, c -> c.surveillance(null, null, last == null ? null : last.tag()));
    PageView page = kit.page(ctx, "surveillance.title");
    Held held = last;
    if (view.status() != 304 || last == null) {
      if (!view.isOk()) {
        kit.render(ctx, "broker/surveillance.jte", page.withNotice(view.status() == 404
            ? page.t().get("surveillance.noStanding") : view.problem().text()),
            Map.of("sections", "", "view", ""));
        return;
      }
      SurveillanceView v = view.value().view();
      Result<SurveillanceModel.Evaluated> evaluated = cache.evaluated(v, SignalConfig.defaults());
      if (!evaluated.isOk()) {
        throw PageProblem.invalid(evaluated.problem().text());
      }
      held = new Held(view.value().tag(), v, evaluated.value());
      if (held.tag() != null) {
        whole = held;
      }
    }
    SurveillanceView days = from == null && to == null ? held.view() : SurveillanceCut.of(held.view(), from, to);
    kit.render(ctx, "broker/surveillance.jte", page, Map.of("sections", sections(held.evaluated(), days, page.t()),
        "view", page.t().get("surveillance.range", days.first(), days.last(), days.sites().size(),
            days.standing().minimumCell()),
        "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
  }

  /** The sections of these days as HTML in the texts' language, rendered once per evaluation, days and language. */
  private String sections(SurveillanceModel.Evaluated evaluated, SurveillanceView days, Messages t) {
    return shown.get(new Shown(evaluated, days.first(), days.last(),
        days.sites().stream().map(SurveillanceView.Coverage::site).toList(), t.lang()),
        () -> Templates.render("broker/surveillance-sections.jte", Map.of("t", t,
            "sections", SurveillanceModel.sections(evaluated, days), "names", legend(t))));
  }

  /** The chart's series names in the page's language, for {@code portal.js} (the charts are kept in one language). */
  private static String legend(Messages t) {
    return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("observed", t.get("surveillance.observed")).put("upper bound", t.get("surveillance.bound"))
        .put("signal", t.get("surveillance.signal")).toString();
  }

  private static LocalDate date(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw PageProblem.invalid("DR-7150 " + name + " `" + text + "` is not a date: give it as YYYY-MM-DD.");
    }
  }
}
