package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.KeptAnswers;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/articles (filtered, paged) and GET /api/articles/{slug} (full text): published articles
 * only.
 */
public final class ArticleApi {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 1_000_000;

  private final Portal portal;
  private final ArticleRepository articles;

  public ArticleApi(Portal portal) {
    this.portal = portal;
    this.articles = new ArticleRepository(portal.pool());
  }

  public void mount(Router router) {
    router.get("/api/articles").handler(this::list);
    router.get("/api/articles/:slug").handler(this::show);
  }

  private void list(RoutingContext ctx) {
    ArticleFilter filter = ArticleFilter.forApi(ctx);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
    var total = articles.count(filter);
    var page = articles.list(filter, offset, limit);
    Future.all(total, page)
        .onSuccess(
            all -> {
              JsonArray items = new JsonArray();
              page.result().forEach(a -> items.add(ArticleJson.summary(a, base())));
              send(
                  ctx,
                  new JsonObject()
                      .put("total", total.result())
                      .put("limit", limit)
                      .put("offset", offset)
                      .put("articles", items));
            })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    articles
        .findPublishedBySlug(ctx.pathParam("slug"))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这篇报道"))))
        .compose(
            a ->
                Future.all(
                        new StationRepository(portal.pool()).listForArticle(a.id()),
                        new CorrectionRepository(portal.pool()).forArticle(a.id()))
                    .map(
                        all ->
                            ArticleJson.full(a, all.resultAt(0), base())
                                .put("corrections", Correction.api(all.resultAt(1)))))
        .onSuccess(json -> send(ctx, json))
        .onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, JsonObject json) {
    Buffer body = json.toBuffer();
    KeptAnswers.keepFor(ctx, "application/json; charset=utf-8", body);
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        // public, read-only and cookie-free: other sites' scripts may read it
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(body);
  }

  private String base() {
    return portal.config().publicBaseUrl();
  }
}
