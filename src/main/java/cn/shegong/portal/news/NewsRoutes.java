package cn.shegong.portal.news;

import cn.shegong.portal.app.Portal;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.stations.StationRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The public newsroom: the list of published reports and each report's page. */
public final class NewsRoutes {
  static final int PAGE_SIZE = 12;

  private final Portal portal;
  private final ArticleRepository articles;

  public NewsRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new ArticleRepository(portal.pool());
  }

  public void mount(Router router) {
    router.get("/news").handler(this::list);
    router.get("/news/:slug").handler(this::show);
  }

  private void list(RoutingContext ctx) {
    int page = Params.page(ctx);
    articles.countPublished()
        .compose(total -> {
          Pagination p = new Pagination(page, PAGE_SIZE, total);
          return articles.listPublished(p.offset(), PAGE_SIZE)
              .compose(list -> portal.pages().render(ctx, "news/list.ftlh", Map.of("articles", list, "pagination", p)));
        })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    String slug = ctx.pathParam("slug");
    articles.findPublishedBySlug(slug)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这篇报道，它可能已被撤下或地址有误。"))))
        .compose(article -> new StationRepository(portal.pool()).listForArticle(article.id())
            .compose(stations -> portal.pages().render(ctx, "news/article.ftlh",
                Map.of("article", article, "stations", stations))))
        .onFailure(ctx::fail);
  }
}
