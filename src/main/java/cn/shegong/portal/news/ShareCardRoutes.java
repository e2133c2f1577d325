package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /news/:slug/card.png: the article's share card, drawn on a worker thread and kept per article
 * version (the last {@value #KEPT}); without a Chinese font the portal's mark stands in.
 */
public final class ShareCardRoutes {
  static final int KEPT = 64;

  private final Portal portal;
  private final ArticleRepository articles;
  private Optional<ShareCard> card;
  private final Map<String, Buffer> kept =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Buffer> eldest) {
              return size() > KEPT;
            }
          });

  public ShareCardRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new ArticleRepository(portal.pool());
  }

  /** The card's URL for a page; the version in it changes when the article does. */
  public static String url(Article a) {
    return a.url() + "/card.png?v=" + a.version();
  }

  public void mount(Router router) {
    router.get("/news/:slug/card.png").handler(this::card);
  }

  private void card(RoutingContext ctx) {
    articles
        .findPublishedBySlug(ctx.pathParam("slug"))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这篇报道。"))))
        .compose(this::png)
        .onSuccess(
            png -> {
              if (png == null) {
                ctx.redirect(portal.pages().assets().url("/static/img/mark.png"));
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "image/png")
                  .putHeader("Cache-Control", "public, max-age=86400")
                  .end(png);
            })
        .onFailure(ctx::fail);
  }

  /**
   * Drawing, and finding a font (which scans the installed ones), happen on a worker; null without
   * a font.
   */
  private Future<Buffer> png(Article a) {
    String key = a.slug() + "@" + a.version();
    Buffer done = kept.get(key);
    if (done != null) return Future.succeededFuture(done);
    return portal
        .vertx()
        .executeBlocking(
            () -> {
              Optional<ShareCard> drawer = drawer();
              if (drawer.isEmpty()) return null;
              Buffer png =
                  Buffer.buffer(
                      drawer
                          .get()
                          .render(
                              a.title(),
                              ArticleMeta.plainSource(a),
                              a.displayDate(),
                              Pages.SITE_NAME));
              kept.put(key, png);
              return png;
            },
            false);
  }

  private synchronized Optional<ShareCard> drawer() {
    if (card == null) card = ShareCard.withInstalledFont();
    return card;
  }
}
