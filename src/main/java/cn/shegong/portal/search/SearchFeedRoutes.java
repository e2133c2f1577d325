package cn.shegong.portal.search;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.web.Feeds;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved search without an account: /search.atom, /search.rss and /search.json (JSON Feed 1.1)
 * take the same q and filters as /search and list the matching reports newest first. The request
 * log keeps only the path.
 */
public final class SearchFeedRoutes {
  static final int ENTRIES = 50;
  static final List<String> FILTERS = List.of("q", "kind", "province", "city", "district", "year");

  private final SearchModule search;
  private final Portal portal;

  public SearchFeedRoutes(SearchModule search, Portal portal) {
    this.search = search;
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/search.atom").handler(ctx -> serve(ctx, Feeds.ATOM, Feeds::atom));
    router.get("/search.rss").handler(ctx -> serve(ctx, Feeds.RSS, Feeds::rss));
    router.get("/search.json").handler(ctx -> serve(ctx, Feeds.JSON_FEED, Feeds::json));
  }

  private interface Writer {
    String write(Feeds.Channel channel, List<Feeds.Item> items);
  }

  /**
   * The query string of a search feed for {@code q} (also used by the search page's alternate
   * links).
   */
  public static String query(String q) {
    return "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  private void serve(RoutingContext ctx, String contentType, Writer writer) {
    SearchRequest req;
    try {
      req =
          SearchRequest.parse(
              name ->
                  switch (name) {
                    case "type" -> "news";
                    case "sort" -> "date";
                    case "limit" -> String.valueOf(ENTRIES);
                    case "offset", "page", "lat", "lon", "km" -> null;
                    default -> first(ctx, name);
                  },
              ENTRIES);
    } catch (SearchRequest.Invalid | IllegalArgumentException e) {
      ctx.fail(
          HttpError.badRequest(e instanceof SearchRequest.Invalid ? e.getMessage() : "参数编码无效。"));
      return;
    }
    Feeds.Channel channel = channel(ctx, req.query());
    search
        .search(req)
        .compose(r -> items(r.hits()))
        .onSuccess(
            items ->
                ctx.response()
                    .putHeader("Content-Type", contentType)
                    .putHeader("Cache-Control", "public, max-age=300")
                    .end(writer.write(channel, items)))
        .onFailure(
            e ->
                ctx.fail(
                    e instanceof SearchModule.NotReady ? new HttpError(503, e.getMessage()) : e));
  }

  /**
   * The hits' own dates and summaries from PostgreSQL, the source of truth; a hit gone since is
   * left out.
   */
  private Future<List<Feeds.Item>> items(List<SearchHit> hits) {
    List<String> slugs =
        hits.stream()
            .filter(h -> h.type().equals(SearchFields.TYPE_ARTICLE))
            .map(SearchHit::slug)
            .toList();
    if (slugs.isEmpty()) return Future.succeededFuture(List.of());
    return new ArticleRepository(portal.pool())
        .listPublishedBySlugs(slugs)
        .map(
            found -> {
              Map<String, Article> bySlug = new HashMap<>();
              for (Article a : found) bySlug.put(a.slug(), a);
              List<Feeds.Item> out = new ArrayList<>();
              String base = portal.config().publicBaseUrl();
              for (SearchHit h : hits) {
                Article a = bySlug.get(h.slug());
                if (a == null || !h.type().equals(SearchFields.TYPE_ARTICLE)) continue;
                String summary =
                    a.text().summary().isBlank() ? h.snippet().text() : a.text().summary();
                out.add(
                    new Feeds.Item(
                        Feeds.TAG_PREFIX + "news/" + h.slug(),
                        h.title(),
                        base + h.url(),
                        a.text().publishedAt(),
                        a.updatedAt(),
                        a.text().author(),
                        a.text().tags(),
                        summary,
                        ""));
              }
              // newest first by the stored time (the index orders by day; a feed reader wants the
              // exact order)
              out.sort(java.util.Comparator.comparing(Feeds.Item::published).reversed());
              return out;
            });
  }

  private Feeds.Channel channel(RoutingContext ctx, String q) {
    String base = portal.config().publicBaseUrl();
    StringBuilder qs = new StringBuilder();
    for (String f : FILTERS) {
      String v = first(ctx, f);
      if (v != null && !v.isBlank()) {
        qs.append(qs.isEmpty() ? "" : "&")
            .append(f)
            .append('=')
            .append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
      }
    }
    return new Feeds.Channel(
        Feeds.TAG_PREFIX + "search?" + qs,
        Pages.SITE_NAME + " · 搜索：" + q,
        "搜索“" + q + "”找到的报道，最新的在前。",
        base + "/search?" + qs,
        base + "/search.atom?" + qs,
        base + "/search.rss?" + qs,
        base + "/search.json?" + qs,
        Pages.SITE_NAME,
        base + "/");
  }

  private static String first(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
