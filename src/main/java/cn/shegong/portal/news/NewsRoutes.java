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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            all -> {
              Map<String, Object> model = new HashMap<>();
              model.put("articles", list.result());
              model.put("pagination", new Pagination(page, PAGE_SIZE, total.result()));
              model.put("facets", counts.result());
              model.put("active", active(filter));
              model.put("feeds", feeds(filter));
              model.put("pagerBase", NewsLinks.pagerBase(filter));
              model.put("firstPage", NewsLinks.list(filter));
              model.put(
                  "canonical", portal.config().publicBaseUrl() + NewsLinks.list(filter, page));
              return portal.pages().render(ctx, "news/list.ftlh", model);
            })
        .onFailure(ctx::fail);
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

  private static List<ActiveFilter> active(ArticleFilter f) {
    List<ActiveFilter> out = new ArrayList<>();
    f.region()
        .ifPresent(
            v ->
                out.add(new ActiveFilter("地区", v, NewsLinks.list(f.withRegion(Optional.empty())))));
    f.tag()
        .ifPresent(
            v -> out.add(new ActiveFilter("主题", v, NewsLinks.list(f.withTag(Optional.empty())))));
    f.year()
        .ifPresent(
            v ->
                out.add(
                    new ActiveFilter("年份", v + "年", NewsLinks.list(f.withYear(Optional.empty())))));
    f.month()
        .ifPresent(
            v ->
                out.add(
                    new ActiveFilter(
                        "月份", v + "月", NewsLinks.list(f.withMonth(Optional.empty())))));
    f.source()
        .ifPresent(
            v ->
                out.add(new ActiveFilter("来源", v, NewsLinks.list(f.withSource(Optional.empty())))));
    return out;
  }

  private static List<FeedLink> feeds(ArticleFilter f) {
    List<FeedLink> out = new ArrayList<>();
    f.region().ifPresent(v -> out.add(new FeedLink(v + "的报道", NewsLinks.regionFeed(v))));
    f.tag().ifPresent(v -> out.add(new FeedLink("主题：" + v, NewsLinks.tagFeed(v))));
    return out;
  }
}
