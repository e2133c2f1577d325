package cn.shegong.portal.site;

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
 * /sitemap.xml (public pages only) and /robots.txt (everything public allowed, the editor kept
 * out).
 */
public final class SitemapRoutes {
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final List<String> FIXED_PAGES = List.of("/", "/news", "/stations");

  private final Portal portal;

  public SitemapRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/sitemap.xml").handler(this::sitemap);
    router.get("/robots.txt").handler(this::robots);
  }

  private void sitemap(RoutingContext ctx) {
    var articles = new ArticleRepository(portal.pool()).publicPages();
    var stations = new StationRepository(portal.pool()).publicPages();
    Future.all(articles, stations)
        .map(
            all ->
                Buffer.buffer(
                    xml(
                        Stream.concat(articles.result().stream(), stations.result().stream())
                            .toList())))
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

  private String xml(List<PublicPage> entries) {
    String base = portal.config().publicBaseUrl();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("urlset");
      w.writeDefaultNamespace(SITEMAP_NS);
      for (String path : FIXED_PAGES) url(w, base + path, null);
      for (PublicPage e : entries) url(w, base + e.path(), e);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("sitemap could not be written", e);
    }
    return out.toString();
  }

  private static void url(XMLStreamWriter w, String loc, PublicPage e) throws XMLStreamException {
    w.writeStartElement("url");
    w.writeStartElement("loc");
    w.writeCharacters(loc);
    w.writeEndElement();
    if (e != null && e.lastModified() != null) {
      w.writeStartElement("lastmod");
      w.writeCharacters(
          e.lastModified()
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
