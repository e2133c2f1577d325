package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** The public newsroom: the filterable list of published reports and each report's page. */
public final class NewsRoutes {
  static final int PAGE_SIZE = 12;
  static final int RELATED = 5;

  /** A filter in force, with the link that removes it. */
  public record ActiveFilter(String label, String value, String removeHref) {}

  /** A feed offered in the page head. */
  public record FeedLink(String title, String href) {}

  private final Portal portal;
  private final ArticleRepository articles;
  private final NewsFacets facets;
  private final KeptArticles kept;

  public NewsRoutes(Portal portal, KeptArticles kept) {
    this.portal = portal;
    this.kept = kept;
    this.articles = new ArticleRepository(portal.pool());
    this.facets = new NewsFacets(portal.pool());
  }

  public void mount(Router router) {
    router.get("/news").handler(this::list);
    router.get("/news/:slug").handler(this::show);
  }

  private void list(RoutingContext ctx) {
    ArticleFilter filter = ArticleFilter.forList(ctx);
    int page = Params.page(ctx);
    var total = articles.count(filter);
    var counts = facets.all(filter);
    var list =
        total.compose(
            n -> articles.list(filter, new Pagination(page, PAGE_SIZE, n).offset(), PAGE_SIZE));
    Future.all(total, counts, list)
        .compose(
            all ->
                portal
                    .pages()
                    .render(
                        ctx,
                        "news/list.ftlh",
                        NewsListPage.model(
                            filter,
                            new Pagination(page, PAGE_SIZE, total.result()),
                            list.result(),
                            counts.result(),
                            portal.config().publicBaseUrl())))
        .onFailure(e -> keptListOrFail(ctx, filter, page, e));
  }

  /**
   * While the database is away: the list as last answered, else as the search index keeps it (the
   * same articles in the same order, with the same counts), else the error (503).
   */
  private void keptListOrFail(RoutingContext ctx, ArticleFilter filter, int page, Throwable e) {
    if (!DbFailure.isUnavailable(e) || ctx.response().headWritten()) {
      ctx.fail(e);
      return;
    }
    if (portal.pages().kept().serveStale(ctx)) return;
    kept.list(filter, new Pagination(page, PAGE_SIZE, 0).offset(), PAGE_SIZE)
        .compose(
            found -> {
              if (found.isEmpty()) return Future.failedFuture(e);
              Map<String, Object> model =
                  NewsListPage.model(
                      filter,
                      new Pagination(page, PAGE_SIZE, found.get().total()),
                      found.get().articles(),
                      NewsFacets.fromCounts(filter, found.get().counts()),
                      portal.config().publicBaseUrl());
              model.put("fromIndex", true);
              return portal
                  .pages()
                  .renderKept(
                      ctx, "news/list.ftlh", model, portal.database().reachability().lastReached());
            })
        .onFailure(
            x -> {
              if (!ctx.response().headWritten()) ctx.fail(e);
            });
  }

  private void show(RoutingContext ctx) {
    String slug = ctx.pathParam("slug");
    articles
        .findPublishedBySlug(slug)
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(
                        () -> Future.failedFuture(HttpError.notFound("没有找到这篇报道，它可能已被撤下或地址有误。"))))
        .compose(
            article -> {
              var stations = new StationRepository(portal.pool()).listForArticle(article.id());
              var related = articles.related(article, RELATED);
              var notes = new CorrectionRepository(portal.pool()).forArticle(article.id());
              return Future.all(stations, related, notes)
                  .compose(
                      all ->
                          portal
                              .pages()
                              .render(
                                  ctx,
                                  "news/article.ftlh",
                                  ArticlePage.model(
                                      article,
                                      stations.result(),
                                      related.result(),
                                      notes.result(),
                                      portal.config().publicBaseUrl())));
            })
        .onFailure(e -> keptOrFail(ctx, slug, e));
  }

  /**
   * While the database is away: the page as last answered, else the text the search index keeps,
   * else the error (503).
   */
  private void keptOrFail(RoutingContext ctx, String slug, Throwable e) {
    if (!DbFailure.isUnavailable(e) || ctx.response().headWritten()) {
      ctx.fail(e);
      return;
    }
    if (portal.pages().kept().serveStale(ctx)) return;
    kept.find(slug)
        .compose(
            found -> {
              if (found.isEmpty()) return Future.failedFuture(e);
              Map<String, Object> model = new HashMap<>();
              model.put("article", found.get());
              model.put(
                  "absoluteUrl",
                  portal.config().publicBaseUrl() + Article.urlOf(found.get().slug()));
              return portal
                  .pages()
                  .renderKept(
                      ctx,
                      "news/kept-article.ftlh",
                      model,
                      portal.database().reachability().lastReached());
            })
        .onFailure(
            x -> {
              if (!ctx.response().headWritten()) ctx.fail(e);
            });
  }
}
