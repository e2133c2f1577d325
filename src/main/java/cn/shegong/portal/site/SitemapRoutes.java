package cn.shegong.portal.site;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** /sitemap.xml (public pages only; an index over /sitemap-N.xml above 50,000 URLs) and /robots.txt (everything public allowed, the editor kept out). */
public final class SitemapRoutes {
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final List<String> FIXED_PAGES = List.of("/", "/news", "/stations");

  private final Portal portal;
  private final int perFile;

  public SitemapRoutes(Portal portal) {
    this(portal, SitemapPlan.MAX_URLS);
  }

  SitemapRoutes(Portal portal, int perFile) {
    this.portal = portal;
    this.perFile = perFile;
  }

  public void mount(Router router) {
    router.get("/sitemap.xml").handler(ctx -> plan()
        .compose(plan -> plan.isIndex() ? Future.succeededFuture(index(plan)) : file(plan, 1))
        .onSuccess(xml -> send(ctx, xml)).onFailure(ctx::fail));
    router.getWithRegex("/sitemap-([0-9]{1,6})\\.xml").handler(ctx -> {
      int n = Integer.parseInt(ctx.pathParam("param0"));
      plan().compose(plan -> plan.hasFile(n) ? file(plan, n)
              : Future.failedFuture(HttpError.notFound("没有这一份网站地图。")))
          .onSuccess(xml -> send(ctx, xml)).onFailure(ctx::fail);
    });
    router.get("/robots.txt").handler(this::robots);
  }

  private Future<SitemapPlan> plan() {
    return SitemapEntry.count(portal.pool()).map(n -> new SitemapPlan(n + FIXED_PAGES.size(), perFile));
  }

  private static void send(RoutingContext ctx, String xml) {
    ctx.response()
        .putHeader("Content-Type", "application/xml; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=3600")
        .end(xml);
  }

  /** File {@code n}: the fixed pages lead the first file, then the content pages in path order. */
  private Future<String> file(SitemapPlan plan, int n) {
    long from = plan.offset(n);
    long to = from + plan.limit(n);
    List<String> fixed = FIXED_PAGES.subList((int) Math.min(from, FIXED_PAGES.size()), (int) Math.min(to, FIXED_PAGES.size()));
    long contentFrom = Math.max(0, from - FIXED_PAGES.size());
    int contentLimit = (int) (to - from) - fixed.size();
    return SitemapEntry.contentPages(portal.pool(), contentFrom, contentLimit).map(entries -> urlset(fixed, entries));
  }

  private String index(SitemapPlan plan) {
    String base = portal.config().publicBaseUrl();
    return write(w -> {
      w.writeStartElement("sitemapindex");
      w.writeDefaultNamespace(SITEMAP_NS);
      for (int n = 1; n <= plan.files(); n++) {
        w.writeStartElement("sitemap");
        w.writeStartElement("loc");
        w.writeCharacters(base + "/sitemap-" + n + ".xml");
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
    });
  }

  private String urlset(List<String> fixed, List<SitemapEntry> entries) {
    String base = portal.config().publicBaseUrl();
    return write(w -> {
      w.writeStartElement("urlset");
      w.writeDefaultNamespace(SITEMAP_NS);
      for (String path : fixed) url(w, base + path, null);
      for (SitemapEntry e : entries) url(w, base + e.path(), e);
      w.writeEndElement();
    });
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("sitemap could not be written", e);
    }
    return out.toString();
  }

  private static void url(XMLStreamWriter w, String loc, SitemapEntry e) throws XMLStreamException {
    w.writeStartElement("url");
    w.writeStartElement("loc");
    w.writeCharacters(loc);
    w.writeEndElement();
    if (e != null && e.lastModified() != null) {
      w.writeStartElement("lastmod");
      w.writeCharacters(e.lastModified().withOffsetSameInstant(ZoneOffset.UTC)
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private void robots(RoutingContext ctx) {
    String body = """
        User-agent: *
        Allow: /
        Disallow: /editor
        Disallow: /api/editor

        Sitemap: %s/sitemap.xml
        """.formatted(portal.config().publicBaseUrl());
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
  }
}
