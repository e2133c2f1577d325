package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.helplines.Helpline;
import cn.shegong.portal.helplines.HelplineBook;
import cn.shegong.portal.helplines.HelplineCsv;
import cn.shegong.portal.helplines.HelplineRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /editor/helplines (admins): list, add, edit, retire and bring back help lines, and the crisis
 * words that put the help card on a search. Hours are checked by the stations' opening_hours
 * parser; every line needs its source. After a save the help cards follow at once.
 */
final class HelplineDeskRoutes {
  static final String BASE = "/editor/helplines";
  private static final int MAX_WORDS = 500;

  private final Portal portal;
  private final HelplineBook book;
  private final DeskHelplines helplines;

  HelplineDeskRoutes(Portal portal, HelplineBook book) {
    this.portal = portal;
    this.book = book;
    this.helplines = new DeskHelplines(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    Permission p = Permission.MANAGE_HELPLINES;
    desk.get(BASE, p).handler(ctx -> list(ctx, 200, null, List.of()).onFailure(ctx::fail));
    desk.post(BASE + "/words", p).handler(this::words);
    desk.get(BASE + "/new", p)
        .handler(ctx -> form(ctx, 200, null, blank(), List.of()).onFailure(ctx::fail));
    desk.post(BASE, p).handler(this::create);
    desk.get(BASE + "/:id/edit", p)
        .handler(
            ctx ->
                helplines
                    .find(id(ctx))
                    .compose(s -> form(ctx, 200, s, fieldsOf(s.line()), List.of()))
                    .onFailure(ctx::fail));
    desk.post(BASE + "/:id", p).handler(this::update);
    desk.post(BASE + "/:id/retire", p).handler(ctx -> retire(ctx, true));
    desk.post(BASE + "/:id/restore", p).handler(ctx -> retire(ctx, false));
  }

  private void create(RoutingContext ctx) {
    Map<String, String> f = fields(ctx);
    Helpline h;
    try {
      h = HelplineCsv.of(List.copyOf(f.values()));
    } catch (IllegalArgumentException e) {
      form(ctx, 400, null, f, List.of(e.getMessage())).onFailure(ctx::fail);
      return;
    }
    helplines
        .create(h, Desk.user(ctx))
        .compose(v -> done(ctx))
        .recover(
            e ->
                e instanceof HttpError err && err.status() == 400
                    ? form(ctx, 400, null, f, List.of(err.getMessage()))
                    : Future.failedFuture(e))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    String id = id(ctx);
    int base = ArticleDeskRoutes.version(ctx);
    Map<String, String> f = fields(ctx);
    f.put("id", id);
    helplines
        .find(id)
        .compose(
            current -> {
              Helpline h;
              try {
                h = HelplineCsv.of(List.copyOf(f.values()));
              } catch (IllegalArgumentException e) {
                return form(ctx, 400, current, f, List.of(e.getMessage()));
              }
              return helplines
                  .update(h, base, Desk.user(ctx))
                  .compose(v -> done(ctx))
                  .recover(
                      e ->
                          e instanceof StaleVersion stale
                              ? form(
                                  ctx,
                                  409,
                                  (HelplineRepository.Stored) stale.current(),
                                  f,
                                  List.of(stale.getMessage()))
                              : Future.failedFuture(e));
            })
        .onFailure(ctx::fail);
  }

  private void retire(RoutingContext ctx, boolean retired) {
    helplines.retire(id(ctx), retired, Desk.user(ctx)).compose(v -> done(ctx)).onFailure(ctx::fail);
  }

  private void words(RoutingContext ctx) {
    String text = Desk.form(ctx, "words");
    List<String> words =
        Arrays.stream(text.split("[\\r\\n,，、;；]+"))
            .map(String::strip)
            .filter(w -> !w.isEmpty())
            .distinct()
            .toList();
    List<String> errors =
        words.stream().filter(w -> w.length() > 20).map(w -> "词语最多 20 个字：" + w).toList();
    if (words.size() > MAX_WORDS) errors = List.of("最多 " + MAX_WORDS + " 个词语");
    if (!errors.isEmpty()) {
      list(ctx, 400, text, errors).onFailure(ctx::fail);
      return;
    }
    helplines.replaceWords(words, Desk.user(ctx)).compose(v -> done(ctx)).onFailure(ctx::fail);
  }

  /** The cards follow at once (other processes within their 30 s reload). */
  private Future<Void> done(RoutingContext ctx) {
    return book.reload()
        .transform(
            v -> {
              Desk.redirect(ctx, BASE);
              return Future.<Void>succeededFuture();
            });
  }

  private Future<Void> list(RoutingContext ctx, int status, String words, List<String> errors) {
    return Future.all(helplines.list(), helplines.words())
        .compose(
            all -> {
              Map<String, Object> m = new HashMap<>();
              m.put("lines", all.resultAt(0));
              List<String> stored = all.resultAt(1);
              m.put("words", words != null ? words : String.join("\n", stored));
              m.put("wordCount", stored.size());
              m.put("errors", errors);
              return portal
                  .pages()
                  .render(ctx, status, "editor/helplines.ftlh", Desk.model(ctx, m));
            });
  }

  private Future<Void> form(
      RoutingContext ctx,
      int status,
      HelplineRepository.Stored line,
      Map<String, String> f,
      List<String> errors) {
    Map<String, Object> m = new HashMap<>();
    m.put("form", f);
    m.put("errors", errors);
    m.put("scopes", Arrays.asList(Helpline.Scope.values()));
    if (line != null) m.put("line", line);
    return portal.pages().render(ctx, status, "editor/helpline-form.ftlh", Desk.model(ctx, m));
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}"))
      throw HttpError.notFound(DeskHelplines.NOT_FOUND);
    return id;
  }

  private static Map<String, String> fieldsOf(Helpline h) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", h.id());
    f.put("name", h.name());
    f.put("number", h.number());
    f.put("scope", h.scope().code());
    f.put("region", h.region());
    f.put("kinds", String.join(";", h.kinds()));
    f.put("hours", h.hours());
    f.put("source_url", h.sourceUrl());
    f.put("checked", h.checked().toString());
    return f;
  }

  private static Map<String, String> blank() {
    Map<String, String> f = new LinkedHashMap<>();
    for (String c : HelplineCsv.HEADER) f.put(c, "");
    f.put("scope", "national");
    f.put("checked", LocalDate.now(Zones.CHINA).toString());
    return f;
  }

  /** The form's fields in {@link HelplineCsv#HEADER} order, so one validator checks both. */
  private static Map<String, String> fields(RoutingContext ctx) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String c : HelplineCsv.HEADER) f.put(c, Desk.form(ctx, c));
    return f;
  }
}
