package cn.shegong.portal.news;

import cn.shegong.portal.web.Feeds;
import cn.shegong.portal.web.KeptAnswers;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Atom at /feed.atom, RSS 2.0 at /feed.xml and JSON Feed 1.1 at /feed.json: the whole site, or one
 * region or tag with ?region= / ?tag=.
 */
public final class FeedRoutes {
  static final int ENTRIES = 50;

  private final Portal portal;
  private final ArticleRepository articles;

  public FeedRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new ArticleRepository(portal.pool());
  }

  private interface Writer {
    String write(Feeds.Channel channel, List<Feeds.Item> items);
  }

  public void mount(Router router) {
    router.get("/feed.atom").handler(ctx -> serve(ctx, Feeds.ATOM, Feeds::atom));
    router.get("/feed.xml").handler(ctx -> serve(ctx, Feeds.RSS, Feeds::rss));
    router.get("/feed.json").handler(ctx -> serve(ctx, Feeds.JSON_FEED, Feeds::json));
  }

  private void serve(RoutingContext ctx, String contentType, Writer writer) {
    ArticleFilter filter = ArticleFilter.forFeed(ctx);
    Feeds.Channel channel = channel(filter);
    articles
        .listReal(filter, ENTRIES)
        .compose(
            list ->
                new CorrectionRepository(portal.pool())
                    .forArticles(list.stream().map(Article::id).toList())
                    .map(notes -> writer.write(channel, ArticleFeed.items(list, notes, base()))))
        .map(Buffer::buffer)
        .onSuccess(
            xml -> {
              KeptAnswers.keepFor(ctx, contentType, xml);
              ctx.response()
                  .putHeader("Content-Type", contentType)
                  .putHeader("Cache-Control", "public, max-age=300")
                  .end(xml);
            })
        .onFailure(ctx::fail);
  }

  private Feeds.Channel channel(ArticleFilter f) {
    List<String> about = new ArrayList<>();
    f.region().ifPresent(about::add);
    f.tag().ifPresent(t -> about.add("主题：" + t));
    String query = NewsLinks.query(f);
    String idSuffix =
        (f.region().map(r -> "/region/" + NewsLinks.enc(r)).orElse(""))
            + (f.tag().map(t -> "/tag/" + NewsLinks.enc(t)).orElse(""));
    String title = Pages.SITE_NAME + " · " + (about.isEmpty() ? "最新报道" : String.join(" · ", about));
    String qs = query.isEmpty() ? "" : "?" + query;
    return new Feeds.Channel(
        Feeds.TAG_PREFIX + "news/feed" + idSuffix,
        title,
        "社会工作领域的新闻报道" + (about.isEmpty() ? "" : "（" + String.join("，", about) + "）") + "，全文。",
        base() + NewsLinks.list(f),
        base() + "/feed.atom" + qs,
        base() + "/feed.xml" + qs,
        base() + "/feed.json" + qs,
        Pages.SITE_NAME,
        base() + "/");
  }

  private String base() {
    return portal.config().publicBaseUrl();
  }
}
