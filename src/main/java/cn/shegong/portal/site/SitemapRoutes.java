package cn.shegong.portal.site;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.KeptAnswers;
import cn.shegong.portal.web.Portal;
import cn.shegong.portal.web.PublicPage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * /sitemap.xml (public pages only; a sitemap index of /sitemap-N.xml files once they exceed one
 * file) and /robots.txt (everything public allowed, the editor kept out).
 */
public final class SitemapRoutes {
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final List<String> FIXED_PAGES = List.of("/", "/news", "/stations");

  private final Portal portal;

  public SitemapRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/sitemap.xml").handler(ctx -> serve(ctx, 0));
    router
        .getWithRegex("/sitemap-([0-9]{1,6})\\.xml")
        .handler(ctx -> serve(ctx, Integer.parseInt(ctx.pathParam("param0"))));
    router.get("/robots.txt").handler(this::robots);
  }

  /** File 0 is /sitemap.xml: every page, or the index once they need several files. */
  private void serve(RoutingContext ctx, int file) {
    var articles = new ArticleRepository(portal.pool()).publicPages();
    var stations = new StationRepository(portal.pool()).publicPages();
    Future.all(articles, stations)
        .map(
            all ->
                new SitemapPlan(
                    Stream.of(
                            FIXED_PAGES.stream().map(p -> new PublicPage(p, null)),
                            articles.result().stream(),
                            stations.result().stream())
                        .flatMap(x -> x)
                        .toList(),
                    portal.config().sitemapUrlsPerFile()))
        .compose(
            plan -> {
              if (file > 0 && (!plan.needsIndex() || file > plan.files()))
                return Future.failedFuture(HttpError.notFound("没有这个站点地图文件。"));
              // 130,000 URLs are megabytes of XML: written on a worker, not the event loop
              return portal
                  .vertx()
                  .executeBlocking(
                      () ->
                          Buffer.buffer(
                              file == 0 && plan.needsIndex()
                                  ? index(plan)
                                  : urlset(file == 0 ? plan.pages() : plan.file(file))),
                      false);
            })
        .onSuccess(
            xml -> {
              KeptAnswers.keepFor(ctx, "application/xml; charset=utf-8", xml);
              ctx.response()
                  .putHeader("Content-Type", "application/xml; charset=utf-8")
                  .putHeader("Cache-Control", "public, max-age=3600")
                  .end(xml);
            })
        .onFailure(ctx::fail);
  }

  private String urlset(List<PublicPage> pages) {
    String base = portal.config().publicBaseUrl();
    return write(
        "urlset",
        w -> {
          for (PublicPage e : pages) entry(w, "url", base + e.path(), e.lastModified());
        });
  }

  private String index(SitemapPlan plan) {
    String base = portal.config().publicBaseUrl();
    return write(
        "sitemapindex",
        w -> {
          for (int n = 1; n <= plan.files(); n++)
            entry(w, "sitemap", base + "/sitemap-" + n + ".xml", plan.lastModified(n));
        });
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String write(String root, Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(root);
      w.writeDefaultNamespace(SITEMAP_NS);
      body.write(w);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("sitemap could not be written", e);
    }
    return out.toString();
  }

  private static void entry(
      XMLStreamWriter w, String element, String loc, java.time.OffsetDateTime lastModified)
      throws XMLStreamException {
    w.writeStartElement(element);
    w.writeStartElement("loc");
    w.writeCharacters(loc);
    w.writeEndElement();
    if (lastModified != null) {
      w.writeStartElement("lastmod");
      w.writeCharacters(
          lastModified
              .withOffsetSameInstant(ZoneOffset.UTC)
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private void robots(RoutingContext ctx) {
    String body =
        """
        User-agent: *
        Allow: /
        Disallow: /editor
        Disallow: /api/editor

        Sitemap: %s/sitemap.xml
        """
            .formatted(portal.config().publicBaseUrl());
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
  }
}
