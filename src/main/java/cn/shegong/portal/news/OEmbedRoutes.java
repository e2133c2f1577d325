package cn.shegong.portal.news;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oEmbed 1.0 (https://oembed.com) for published articles: /oembed?url=…&format=json answers a
 * "link" object.
 */
public final class OEmbedRoutes {
  private static final Pattern ARTICLE = Pattern.compile("^/news/([a-z0-9][a-z0-9-]{0,119})/?$");

  private final Portal portal;
  private final ArticleRepository articles;

  public OEmbedRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new ArticleRepository(portal.pool());
  }

  public void mount(Router router) {
    router.get("/oembed").handler(this::oembed);
  }

  /** The discovery link an article page carries in its head. */
  public static String discovery(String articleUrl) {
    return "/oembed?url=" + NewsLinks.enc(articleUrl) + "&format=json";
  }

  private void oembed(RoutingContext ctx) {
    String format = ctx.queryParam("format").stream().findFirst().orElse("json");
    if (!format.equals("json")) {
      ctx.fail(new HttpError(501, "只提供 JSON 格式（format=json）。"));
      return;
    }
    String url = ctx.queryParam("url").stream().findFirst().orElse("").strip();
    String base = portal.config().publicBaseUrl();
    if (url.isEmpty()) {
      ctx.fail(HttpError.badRequest("请在 url 中给出本站一篇报道的地址。"));
      return;
    }
    String path =
        url.startsWith(base)
            ? url.substring(base.length())
            : url.replaceFirst("^https?://[^/]+", "");
    Matcher m = ARTICLE.matcher(path.replaceFirst("[?#].*$", ""));
    if (!m.matches()) {
      ctx.fail(HttpError.notFound("这个地址不是本站的报道。"));
      return;
    }
    articles
        .findPublishedBySlug(m.group(1))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这篇报道。"))))
        .onSuccess(
            a -> {
              JsonObject o =
                  new JsonObject()
                      .put("version", "1.0")
                      .put("type", "link")
                      .put("title", a.title())
                      .put("provider_name", Pages.SITE_NAME)
                      .put("provider_url", base + "/")
                      .put("cache_age", 3600);
              String author =
                  !a.text().author().isBlank() ? a.text().author() : ArticleMeta.plainSource(a);
              if (!author.isBlank()) o.put("author_name", author);
              ctx.response()
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Access-Control-Allow-Origin", "*")
                  .end(o.encode());
            })
        .onFailure(ctx::fail);
  }
}
