package cn.shegong.portal.site;

import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import io.vertx.ext.web.Router;

/** /opensearch.xml: an OpenSearch 1.1 description, so browsers can add the portal's search. */
public final class OpenSearchRoutes {
  static final String NS = "http://a9.com/-/spec/opensearch/1.1/";

  private final Portal portal;

  public OpenSearchRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router
        .get("/opensearch.xml")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(
                        "Content-Type", "application/opensearchdescription+xml; charset=utf-8")
                    .putHeader("Cache-Control", "public, max-age=86400")
                    .end(document(portal.config().publicBaseUrl())));
  }

  static String document(String base) {
    String b = cn.shegong.portal.common.Html.escape(base);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="%s">
          <ShortName>%s</ShortName>
          <Description>搜索社会工作服务站点与新闻报道</Description>
          <InputEncoding>UTF-8</InputEncoding>
          <Language>zh-CN</Language>
          <Image height="16" width="16" type="image/svg+xml">%s/static/favicon.svg</Image>
          <Url type="text/html" method="get" template="%s/search?q={searchTerms}"/>
          <Url type="application/atom+xml" template="%s/search.atom?q={searchTerms}"/>
          <Url type="application/opensearchdescription+xml" rel="self" template="%s/opensearch.xml"/>
        </OpenSearchDescription>
        """
        .formatted(NS, Pages.SITE_NAME, b, b, b, b);
  }
}
