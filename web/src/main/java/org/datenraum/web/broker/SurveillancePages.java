package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.core.Result;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;

/** The network's surveillance: syndromic and pathogen series per site and network with their signals. */
final class SurveillancePages {

  private final PortalKit kit;
  private final BrokerCalls calls;
  private final SurveillanceCache cache = SurveillanceCache.forPortal();
  /** The last view of each range asked, with its tag: the broker answers 304 while it is current. */
  private final Map<List<LocalDate>, BrokerClient.TaggedView> held = new ConcurrentHashMap<>();
  private static final List<LocalDate> WHOLE = Arrays.asList(null, null);

  SurveillancePages(PortalKit kit, BrokerCalls calls) {
    this.kit = kit;
    this.calls = calls;
  }

  void routes(Javalin app) {
    app.get("/surveillance", this::page);
  }

  /**
   * Takes the broker's view of the whole range (no bounds) built ahead of its readers: keeps it
   * with its tag and evaluates its sections, so the first page view after new data asks the broker
   * with that tag (304) and finds the sections evaluated.
   */
  void prepare(String tag, byte[] json) {
    SurveillanceView v = WireJson.read(new String(json, StandardCharsets.UTF_8), SurveillanceView.class);
    if (cache.sections(v, SignalConfig.defaults()).isOk()) {
      keep(WHOLE, new BrokerClient.TaggedView(tag, v));
    }
  }

  private void keep(List<LocalDate> range, BrokerClient.TaggedView view) {
    if (held.size() >= 8 && !held.containsKey(range)) {
      held.clear();
    }
    held.put(range, view);
  }

  private void page(Context ctx) {
    User u = kit.user(ctx, Set.of(BrokerPortal.RESEARCHER, BrokerPortal.OPERATOR));
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    List<LocalDate> range = Arrays.asList(from, to);
    BrokerClient.TaggedView last = held.get(range);
    Reply<BrokerClient.TaggedView> view = calls.reply(u, c -> c.surveillance(from, to, last == null ? null : last.tag()));
    PageView page = kit.page(ctx, "surveillance.title");
    SurveillanceView v;
    if (view.status() == 304 && last != null) {
      v = last.view();
    } else if (!view.isOk()) {
      kit.render(ctx, "broker/surveillance.jte", page.withNotice(view.status() == 404
          ? page.t().get("surveillance.noStanding") : view.problem().text()),
          Map.of("sections", List.of(), "view", "", "names", "{}"));
      return;
    } else {
      v = view.value().view();
      if (view.value().tag() != null) {
        keep(range, view.value());
      }
    }
    Result<List<SurveillanceModel.Section>> sections = cache.sections(v, SignalConfig.defaults());
    if (!sections.isOk()) {
      throw PageProblem.invalid(sections.problem().text());
    }
    kit.render(ctx, "broker/surveillance.jte", page, Map.of("sections", sections.value(), "view",
        page.t().get("surveillance.range", v.first(), v.last(), v.sites().size(), v.standing().minimumCell()),
        "names", legend(page.t())));
  }

  /** The chart's series names in the page's language, for {@code portal.js} (the charts are kept in one language). */
  private static String legend(org.datenraum.web.kit.Messages t) {
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
