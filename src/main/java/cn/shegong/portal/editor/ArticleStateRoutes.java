package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.ArticleRevisions;
import cn.shegong.portal.news.Correction;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Publishing, scheduling, unpublishing, and the revision history with restore. */
final class ArticleStateRoutes {
  private final Portal portal;
  private final DeskArticles articles;
  private final ArticleRevisions revisions;

  ArticleStateRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new DeskArticles(portal.deskPool());
    this.revisions = new ArticleRevisions(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.post("/editor/articles/:id/publish", Permission.PUBLISH)
        .handler(
            ctx ->
                articles
                    .publish(Desk.id(ctx, "id"), Desk.user(ctx))
                    .onSuccess(a -> back(ctx, a.id()))
                    .onFailure(ctx::fail));
    desk.post("/editor/articles/:id/unpublish", Permission.PUBLISH)
        .handler(
            ctx ->
                articles
                    .unpublish(Desk.id(ctx, "id"), Desk.user(ctx))
                    .onSuccess(a -> back(ctx, a.id()))
                    .onFailure(ctx::fail));
    desk.post("/editor/articles/:id/schedule", Permission.PUBLISH).handler(this::schedule);
    desk.post("/editor/articles/:id/submit", Permission.SUBMIT_FOR_REVIEW)
        .handler(
            ctx ->
                articles
                    .submit(Desk.id(ctx, "id"), Desk.user(ctx))
                    .onSuccess(a -> back(ctx, a.id()))
                    .onFailure(ctx::fail));
    desk.post("/editor/articles/:id/send-back", Permission.PUBLISH).handler(this::sendBack);
    desk.get("/editor/articles/:id/revisions", Permission.VIEW_DESK).handler(this::history);
    desk.post("/editor/articles/:id/revisions/:version/restore", Permission.EDIT_DRAFT)
        .handler(this::restore);
  }

  private void schedule(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    OffsetDateTime at;
    try {
      at = LocalDateTime.parse(Desk.form(ctx, "at")).atZone(Zones.CHINA).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      ctx.fail(HttpError.badRequest("定时发布的时间无效，请选择日期和时间（北京时间）。"));
      return;
    }
    if (!at.isAfter(OffsetDateTime.now())) {
      ctx.fail(HttpError.badRequest("定时发布的时间应晚于现在；要立即发布请点“立即发布”。"));
      return;
    }
    articles
        .schedule(id, at, Desk.user(ctx))
        .onSuccess(a -> back(ctx, a.id()))
        .onFailure(ctx::fail);
  }

  private void sendBack(RoutingContext ctx) {
    String note = Desk.form(ctx, "note");
    if (note.isEmpty() || note.length() > 2000) {
      ctx.fail(HttpError.badRequest("退回修改时请写明原因（不超过 2000 字）。"));
      return;
    }
    articles
        .sendBack(Desk.id(ctx, "id"), note, Desk.user(ctx))
        .onSuccess(a -> back(ctx, a.id()))
        .onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    articles
        .find(id)
        .compose(
            a ->
                revisions
                    .list(id)
                    .compose(
                        list ->
                            portal
                                .pages()
                                .render(
                                    ctx,
                                    "editor/revisions.ftlh",
                                    Desk.model(
                                        ctx,
                                        Map.of(
                                            "article",
                                            a,
                                            "revisions",
                                            list,
                                            "changeKinds",
                                            Correction.Kind.values())))))
        .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    int base = ArticleDeskRoutes.version(ctx);
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      ctx.fail(HttpError.notFound("没有找到这个历史版本。"));
      return;
    }
    revisions
        .find(id, version)
        .compose(
            rev -> {
              ArticleInput.Checked c = ArticleInput.fromJson(rev.snapshot());
              if (!c.ok())
                return Future.failedFuture(HttpError.badRequest(String.join("；", c.errors())));
              ChangeNote note =
                  ChangeNote.fromForm(
                      Map.of(
                          "change_kind",
                          Desk.form(ctx, "change_kind"),
                          "change_note",
                          Desk.form(ctx, "change_note")));
              return articles.update(id, base, c.input(), note, Desk.user(ctx), "article.restore");
            })
        .onSuccess(a -> back(ctx, a.id()))
        .onFailure(e -> ctx.fail(e instanceof StaleVersion stale ? stale.asHttpError() : e));
  }

  private static void back(RoutingContext ctx, long id) {
    Desk.redirect(ctx, "/editor/articles/" + id + "/edit");
  }
}
