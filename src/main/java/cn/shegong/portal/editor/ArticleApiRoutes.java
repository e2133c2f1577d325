package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleText;
import cn.shegong.portal.web.JsonError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The JSON editor API for newsroom systems. Field names and URLs are a public contract. */
final class ArticleApiRoutes {
  static final String BASE = "/api/editor/articles";

  private final Portal portal;
  private final DeskArticles articles;

  ArticleApiRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new DeskArticles(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get(BASE, Permission.VIEW_DESK).handler(this::list);
    desk.post(BASE, Permission.EDIT_DRAFT).handler(this::create);
    desk.get(BASE + "/:id", Permission.VIEW_DESK)
        .handler(
            ctx ->
                articles
                    .find(Desk.id(ctx, "id"))
                    .onSuccess(a -> json(ctx, 200, toJson(a)))
                    .onFailure(ctx::fail));
    desk.put(BASE + "/:id", Permission.EDIT_DRAFT).handler(this::update);
    desk.post(BASE + "/:id/publish", Permission.PUBLISH)
        .handler(
            ctx ->
                articles
                    .publish(Desk.id(ctx, "id"), actor(ctx))
                    .onSuccess(a -> json(ctx, 200, toJson(a)))
                    .onFailure(ctx::fail));
    desk.post(BASE + "/:id/unpublish", Permission.PUBLISH)
        .handler(
            ctx ->
                articles
                    .unpublish(Desk.id(ctx, "id"), actor(ctx))
                    .onSuccess(a -> json(ctx, 200, toJson(a)))
                    .onFailure(ctx::fail));
    desk.post(BASE + "/:id/submit", Permission.SUBMIT_FOR_REVIEW)
        .handler(
            ctx ->
                articles
                    .submit(Desk.id(ctx, "id"), actor(ctx))
                    .onSuccess(a -> json(ctx, 200, toJson(a)))
                    .onFailure(ctx::fail));
  }

  private void list(RoutingContext ctx) {
    articles
        .list(ArticleDeskRoutes.statusParam(ctx), 500)
        .onSuccess(
            list -> {
              JsonArray a = new JsonArray();
              list.forEach(x -> a.add(toJson(x)));
              json(ctx, 200, new JsonObject().put("articles", a).put("count", a.size()));
            })
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    ArticleText in = checked(body(ctx));
    articles
        .create(in, actor(ctx))
        .onSuccess(
            a -> {
              ctx.response().putHeader("Location", BASE + "/" + a.id());
              json(ctx, 201, toJson(a));
            })
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    JsonObject body = body(ctx);
    if (!(body.getValue("version") instanceof Integer version)) {
      throw HttpError.badRequest("请在 version 中给出您所编辑的版本号（整数）");
    }
    ArticleText in = checked(body);
    articles
        .update(id, version, in, ChangeNote.fromJson(body), actor(ctx), "article.update")
        .onSuccess(a -> json(ctx, 200, toJson(a)))
        .onFailure(
            e -> {
              if (e instanceof StaleVersion stale) {
                json(
                    ctx,
                    409,
                    JsonError.of(409, stale.getMessage())
                        .put("current_version", stale.currentVersion())
                        .put("current", toJson((Article) stale.current())));
              } else {
                ctx.fail(e);
              }
            });
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) throw HttpError.badRequest("请求体应为 JSON 对象");
      return o;
    } catch (DecodeException | ClassCastException e) {
      throw HttpError.badRequest("请求体不是有效的 JSON 对象");
    }
  }

  private static ArticleText checked(JsonObject body) {
    ArticleInput.Checked c = ArticleInput.fromJson(body);
    if (!c.ok()) throw HttpError.badRequest(String.join("；", c.errors()));
    return c.input();
  }

  private static EditorUser actor(RoutingContext ctx) {
    return Desk.user(ctx);
  }

  private JsonObject toJson(Article a) {
    return ArticleInput.toJson(a.text())
        .put("id", a.id())
        .put("slug", a.slug())
        .put("version", a.version())
        .put("status", a.status().code())
        .put("url", portal.config().publicBaseUrl() + a.url())
        .put("created_at", a.createdAt().toString())
        .put("updated_at", a.updatedAt().toString());
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
