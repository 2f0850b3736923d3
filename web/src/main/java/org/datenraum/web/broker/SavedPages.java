package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.NewSavedQuery;
import org.datenraum.federation.v1.SavedQuery;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlWriter;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;
import org.datenraum.web.research.Draft;
import org.datenraum.web.research.DraftCodec;

/** The researcher's saved queries: keep the editor's query with a title and comment, list, load back, delete. */
final class SavedPages {

  private final PortalKit kit;
  private final BrokerCalls calls;
  private final EditorPages editor;

  SavedPages(PortalKit kit, BrokerCalls calls, EditorPages editor) {
    this.kit = kit;
    this.calls = calls;
    this.editor = editor;
  }

  void routes(Javalin app) {
    app.get("/research/saved", this::list);
    app.post("/research/saved", this::save);
    app.get("/research/saved/{id}", this::load);
    app.post("/research/saved/{id}/delete", this::delete);
  }

  private void list(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    List<SavedQuery> all = calls.call(u, c -> c.savedQueries());
    PageView page = kit.page(ctx, "saved.title");
    if (ctx.queryParam("kept") != null) {
      page = page.withNotice(page.t().get("saved.kept"));
    }
    if (ctx.queryParam("deleted") != null) {
      page = page.withNotice(page.t().get("saved.deleted"));
    }
    kit.render(ctx, "broker/saved.jte", page, Map.of("saved", all));
  }

  private void save(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    Draft d = editor.draft(ctx, ctx.formParam("q"));
    if (d.isEmpty()) {
      editor.show(ctx, kit.page(ctx, "editor.title").withError(kit.messages(ctx).get("editor.nothingToSubmit")), d, 400);
      return;
    }
    NewSavedQuery q;
    try {
      q = new NewSavedQuery(ctx.formParam("title"), ctx.formParam("comment"), CcdlWriter.tree(d.query().get()));
    } catch (IllegalArgumentException | WireFormatException e) {
      editor.show(ctx, kit.page(ctx, "editor.title").withError(kit.messages(ctx).get("saved.invalid")), d, 400);
      return;
    }
    Reply<SavedQuery> r = calls.reply(u, c -> c.saveQuery(q));
    if (!r.isOk()) {
      editor.show(ctx, kit.page(ctx, "editor.title").withError(r.problem().text()), d, r.status());
      return;
    }
    ctx.redirect("/research/saved?kept=1", HttpStatus.SEE_OTHER);
  }

  private void load(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    SavedQuery s = calls.call(u, c -> c.savedQuery(ctx.pathParam("id")));
    var parsed = CcdlParser.read(s.query());
    if (!parsed.isOk()) {
      throw PageProblem.invalid(parsed.problem().text());
    }
    String q = DraftCodec.encode(Draft.of(parsed.value()));
    ctx.redirect(EditorPages.PATH + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
  }

  private void delete(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    calls.call(u, c -> c.deleteSavedQuery(ctx.pathParam("id")));
    ctx.redirect("/research/saved?deleted=1", HttpStatus.SEE_OTHER);
  }
}
