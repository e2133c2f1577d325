package cn.shegong.portal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.web.Portal;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@ExtendWith(VertxExtension.class)
@DisplayName("The sitemap becomes an index of files once it holds more URLs than one file may")
class SitemapIndexTest {
  static final int PER_FILE = 20;
  static TestPortal portal;
  static Database database;
  static HttpServer server;
  static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx, java.util.Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "30000")).start().await(2, TimeUnit.MINUTES);
    database = Database.open(vertx, portal.config()).await(1, TimeUnit.MINUTES);
    Router router = Router.router(vertx);
    new SitemapRoutes(new Portal(vertx, portal.config(), database, null, null, null, null), PER_FILE).mount(router);
    // the portal's error pages are not mounted here: answer a refusal with its status, as they would
    router.route().failureHandler(ctx -> ctx.response()
        .setStatusCode(ctx.failure() instanceof cn.shegong.portal.common.HttpError h ? h.status() : 500).end());
    server = vertx.createHttpServer().requestHandler(router).listen(0).await(30, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop(Vertx vertx) throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    database.close(vertx).await(10, TimeUnit.SECONDS);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static Document xml(String uri, int status) throws Exception {
    var r = client.get(server.actualPort(), "localhost", uri).send().await(20, TimeUnit.SECONDS);
    assertEquals(status, r.statusCode(), uri);
    if (status != 200) return null;
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bodyAsString().getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> locs(Document d) {
    NodeList n = d.getElementsByTagNameNS(SitemapRoutes.SITEMAP_NS, "loc");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
    return out;
  }

  @Test
  @DisplayName("51 URLs at 20 per file: an index of 3 files holding 20, 20 and 11 distinct URLs; no 4th file")
  void index() throws Exception {
    Document idx = xml("/sitemap.xml", 200);
    assertEquals("sitemapindex", idx.getDocumentElement().getLocalName());
    List<String> files = locs(idx);
    String base = portal.config().publicBaseUrl();
    assertEquals(List.of(base + "/sitemap-1.xml", base + "/sitemap-2.xml", base + "/sitemap-3.xml"), files);
    List<String> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      Document f = xml("/sitemap-" + n + ".xml", 200);
      assertEquals("urlset", f.getDocumentElement().getLocalName());
      sizes.add(locs(f).size());
      all.addAll(locs(f));
    }
    assertEquals(List.of(20, 20, 11), sizes);
    assertEquals(all.size(), new HashSet<>(all).size(), "no URL twice");
    assertTrue(all.contains(base + "/") && all.contains(base + "/news/jiading-psych-social-work-station-map"));
    xml("/sitemap-4.xml", 404);
    xml("/sitemap-0.xml", 404);
  }

  @Test
  @DisplayName("the plan: at most one file's worth stays one urlset")
  void plan() {
    assertEquals(false, new SitemapPlan(50_000, SitemapPlan.MAX_URLS).isIndex());
    assertEquals(true, new SitemapPlan(50_001, SitemapPlan.MAX_URLS).isIndex());
    assertEquals(2, new SitemapPlan(50_001, SitemapPlan.MAX_URLS).files());
    assertEquals(1, new SitemapPlan(50_001, SitemapPlan.MAX_URLS).limit(2));
  }
}
