package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.search.SearchGaps;
import cn.shegong.portal.search.SynonymRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * /editor/search-gaps: the week's searches that found nothing or little, as counts only (editors);
 * /editor/synonyms: the search synonyms admins add or remove, applied within seconds, audited. The
 * tables belong to the search feature; their SQL is its repositories'.
 */
final class SearchDeskRoutes {
  private final Portal portal;

  SearchDeskRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/search-gaps", Permission.VIEW_SEARCH_GAPS).handler(this::gaps);
    desk.get("/editor/synonyms", Permission.MANAGE_SYNONYMS)
        .handler(ctx -> synonyms(ctx, 200, null, "").onFailure(ctx::fail));
    desk.post("/editor/synonyms", Permission.MANAGE_SYNONYMS).handler(this::add);
    desk.post("/editor/synonyms/:id/delete", Permission.MANAGE_SYNONYMS).handler(this::delete);
  }

  private void gaps(RoutingContext ctx) {
    SearchGaps.week(portal.deskPool())
        .compose(
            rows -> {
              Map<String, Object> model = new HashMap<>();
              model.put("gaps", rows);
              model.put("few", SearchGaps.FEW);
              return portal.pages().render(ctx, "editor/search-gaps.ftlh", Desk.model(ctx, model));
            })
        .onFailure(ctx::fail);
  }

  private Future<Void> synonyms(RoutingContext ctx, int status, String problem, String typed) {
    return SynonymRepository.list(portal.deskPool())
        .compose(
            lines -> {
              Map<String, Object> model = new HashMap<>();
              model.put("lines", lines);
              model.put("typed", typed);
              if (problem != null) model.put("problem", problem);
              return portal
                  .pages()
                  .render(ctx, status, "editor/synonyms.ftlh", Desk.model(ctx, model));
            });
  }

  private void add(RoutingContext ctx) {
    EditorUser actor = Desk.user(ctx);
    if (!actor.may(Permission.MANAGE_SYNONYMS)) {
      Refusal.of(portal.deskPool(), actor, "synonym", null, Permission.MANAGE_SYNONYMS)
          .onFailure(ctx::fail);
      return;
    }
    String line = Desk.form(ctx, "line");
    String problem = SynonymRepository.problem(line);
    if (problem != null) {
      synonyms(ctx, 400, problem, line).onFailure(ctx::fail);
      return;
    }
    portal
        .deskPool()
        .withTransaction(
            conn ->
                SynonymRepository.add(conn, line)
                    .compose(
                        id ->
                            id == 0
                                ? Future.succeededFuture(false)
                                : AuditLog.record(
                                        conn,
                                        actor.login(),
                                        "synonyms.add",
                                        "synonym",
                                        id,
                                        new JsonObject().put("line", line.strip()))
                                    .map(true)))
        .onSuccess(
            added -> {
              if (added) Desk.redirect(ctx, "/editor/synonyms");
              else
                synonyms(ctx, 409, "这一行已经有了，或已达 " + SynonymRepository.MAX_LINES + " 行上限。", line)
                    .onFailure(ctx::fail);
            })
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    EditorUser actor = Desk.user(ctx);
    if (!actor.may(Permission.MANAGE_SYNONYMS)) {
      Refusal.of(portal.deskPool(), actor, "synonym", null, Permission.MANAGE_SYNONYMS)
          .onFailure(ctx::fail);
      return;
    }
    long id = Desk.id(ctx, "id");
    portal
        .deskPool()
        .withTransaction(
            conn ->
                SynonymRepository.delete(conn, id)
                    .compose(
                        line ->
                            line == null
                                ? Future.<Void>failedFuture(HttpError.notFound("没有找到这一行同义词。"))
                                : AuditLog.record(
                                    conn,
                                    actor.login(),
                                    "synonyms.delete",
                                    "synonym",
                                    id,
                                    new JsonObject().put("line", line))))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/synonyms"))
        .onFailure(ctx::fail);
  }
}
