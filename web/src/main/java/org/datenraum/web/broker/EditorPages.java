package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.CcdlWriter;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.Messages;
import org.datenraum.web.research.CriterionInput;
import org.datenraum.web.research.Draft;
import org.datenraum.web.research.DraftCodec;
import org.datenraum.web.research.EditorView;
import org.datenraum.web.research.UploadCheck;

/** The query editor: search and tree, adding and removing criteria, CCDL download and upload. */
final class EditorPages {

  static final String PATH = "/research/query";
  private static final int MAX_UPLOAD = 500_000;

  private final PortalKit kit;
  private final TermTree tree;

  EditorPages(PortalKit kit, TermTree tree) {
    this.kit = kit;
    this.tree = tree;
  }

  void routes(Javalin app) {
    app.get(PATH, this::editor);
    app.get("/research/terms", this::search);
    app.post(PATH + "/add", this::add);
    app.post(PATH + "/remove", this::remove);
    app.get("/research/query.json", this::download);
    app.post(PATH + "/upload", this::upload);
  }

  private void editor(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    Draft d = draft(ctx, ctx.queryParam("q"));
    show(ctx, kit.page(ctx, "editor.title"), d, 200);
  }

  void show(Context ctx, PageView page, Draft d, int status) {
    var view = EditorView.of(d, tree, page.t(), ctx.queryParam("text"), tree.find(ctx.queryParam("term"))
        .filter(t -> !t.folder()));
    ctx.status(status);
    kit.render(ctx, "broker/editor.jte", page, Map.of("editor", view));
  }

  private void search(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    var view = EditorView.of(draft(ctx, ctx.queryParam("q")), tree, kit.messages(ctx), ctx.queryParam("text"),
        Optional.empty());
    kit.render(ctx, "broker/found.jte", kit.page(ctx, "editor.title"), Map.of("editor", view));
  }

  private void add(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    Draft d = draft(ctx, ctx.formParam("q"));
    CriterionInput in = new CriterionInput(ctx.formParam("term"), ctx.formParam("comparator"), ctx.formParam("value"),
        ctx.formParam("upper"), ctx.formParam("unit"), ctx.formParam("after"), ctx.formParam("before"));
    PageView page = kit.page(ctx, "editor.title");
    Result<org.datenraum.query.ccdl.Criterion> c = in.criterion(tree, page.t());
    Result<Draft> next = c.isOk() ? d.with(c.value(), Draft.Place.parse(ctx.formParam("place"))) : Result.fail(c.problem());
    if (!next.isOk()) {
      show(ctx, page.withError(worded(next.problem(), page)), d, 400);
      return;
    }
    toEditor(ctx, next.value());
  }

  private void remove(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    Draft d = draft(ctx, ctx.formParam("q"));
    toEditor(ctx, d.without("ex".equals(ctx.formParam("kind")), index(ctx.formParam("group")),
        index(ctx.formParam("item"))));
  }

  private void download(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    Draft d = draft(ctx, ctx.queryParam("q"));
    CcdlQuery q = d.query().orElseThrow(() -> new org.datenraum.web.kit.PageProblem(400,
        kit.messages(ctx).get("editor.nothingToDownload")));
    ctx.header("Content-Disposition", "attachment; filename=\"query.json\"");
    ctx.contentType("application/json; charset=utf-8").result(CcdlWriter.write(q));
  }

  private void upload(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    Draft before = draft(ctx, ctx.formParam("q"));
    UploadedFile f = ctx.uploadedFile("file");
    Messages t = kit.messages(ctx);
    Result<CcdlQuery> parsed = f == null
        ? Result.fail(Problem.invalid("DR-7025", t.get("upload.noFile")))
        : UploadCheck.check(read(f), t);
    if (!parsed.isOk()) {
      show(ctx, kit.page(ctx, "editor.title").withError(parsed.problem().text()), before, 400);
      return;
    }
    toEditor(ctx, Draft.of(parsed.value()));
  }

  private static String read(UploadedFile f) {
    try (InputStream in = f.content()) {
      byte[] b = in.readNBytes(MAX_UPLOAD + 1);
      return b.length > MAX_UPLOAD ? "" : new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void toEditor(Context ctx, Draft d) {
    String q = DraftCodec.encode(d);
    ctx.redirect(PATH + (q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)), HttpStatus.SEE_OTHER);
  }

  /** The draft in a link; a broken link is refused as a page. */
  Draft draft(Context ctx, String token) {
    Result<Draft> r = DraftCodec.decode(token);
    if (!r.isOk()) {
      throw org.datenraum.web.kit.PageProblem.invalid(worded(r.problem(), kit.page(ctx, "kit.refused")));
    }
    return r.value();
  }

  /** A problem in the page's language where the texts word its code, else as it came. */
  static String worded(Problem p, PageView page) {
    String key = "problem." + p.code();
    return page.t().has(key) ? page.t().get(key) : p.text();
  }

  private static int index(String s) {
    try {
      return s == null ? -1 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Optional<CcdlQuery> parse(String json) {
    var r = CcdlParser.parse(json);
    return r.isOk() ? Optional.of(r.value()) : Optional.empty();
  }
}
