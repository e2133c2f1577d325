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
import java.util.Map;

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
    String write(
        FeedWriter.Channel channel, List<Article> articles, Map<Long, List<Correction>> notes);
  }

  public void mount(Router router) {
    router
        .get("/feed.atom")
        .handler(
            ctx ->
                serve(
                    ctx,
                    "/feed.atom",
                    "application/atom+xml; charset=utf-8",
                    (ch, list, notes) -> FeedWriter.atom(ch, list, notes, base())));
    router
        .get("/feed.xml")
        .handler(
            ctx ->
                serve(
                    ctx,
                    "/feed.xml",
                    "application/rss+xml; charset=utf-8",
                    (ch, list, notes) -> FeedWriter.rss(ch, list, notes, base())));
    router
        .get("/feed.json")
        .handler(
            ctx ->
                serve(
                    ctx,
                    "/feed.json",
                    Feeds.JSON_FEED,
                    (ch, list, notes) -> Feeds.json(jsonChannel(ch), items(list, notes))));
  }

  /** JSON Feed 1.1 of the same articles, with the same entry ids as the Atom feed. */
  private List<Feeds.Item> items(List<Article> list, Map<Long, List<Correction>> notes) {
    return list.stream()
        .map(
            a ->
                new Feeds.Item(
                    FeedWriter.entryId(a),
                    a.text().subtitle().isBlank()
                        ? a.title()
                        : a.title() + "：" + a.text().subtitle(),
                    base() + a.url(),
                    a.text().publishedAt(),
                    FeedWriter.updated(a),
                    a.text().author(),
                    a.text().tags(),
                    a.text().summary(),
                    FeedWriter.html(a, notes)))
        .toList();
  }

  private Feeds.Channel jsonChannel(FeedWriter.Channel ch) {
    String self = ch.selfUrl();
    return new Feeds.Channel(
        ch.id(),
        ch.title(),
        ch.subtitle(),
        ch.pageUrl(),
        self.replace("/feed.json", "/feed.atom"),
        self.replace("/feed.json", "/feed.xml"),
        self,
        ch.siteName(),
        base() + "/");
  }

  private void serve(RoutingContext ctx, String path, String contentType, Writer writer) {
    ArticleFilter filter = ArticleFilter.forFeed(ctx);
    FeedWriter.Channel channel = channel(filter, path);
    articles
        .listReal(filter, ENTRIES)
        .compose(
            list ->
                new CorrectionRepository(portal.pool())
                    .forArticles(list.stream().map(Article::id).toList())
                    .map(notes -> writer.write(channel, list, notes)))
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

  private FeedWriter.Channel channel(ArticleFilter f, String path) {
    List<String> about = new ArrayList<>();
    f.region().ifPresent(about::add);
    f.tag().ifPresent(t -> about.add("主题：" + t));
    String query = NewsLinks.query(f);
    String idSuffix =
        (f.region().map(r -> "/region/" + NewsLinks.enc(r)).orElse(""))
            + (f.tag().map(t -> "/tag/" + NewsLinks.enc(t)).orElse(""));
    String title = Pages.SITE_NAME + " · " + (about.isEmpty() ? "最新报道" : String.join(" · ", about));
    return new FeedWriter.Channel(
        FeedWriter.TAG_PREFIX + "news/feed" + idSuffix,
        title,
        "社会工作领域的新闻报道" + (about.isEmpty() ? "" : "（" + String.join("，", about) + "）") + "，全文。",
        base() + path + (query.isEmpty() ? "" : "?" + query),
        base() + NewsLinks.list(f),
        Pages.SITE_NAME);
  }

  private String base() {
    return portal.config().publicBaseUrl();
  }
}
