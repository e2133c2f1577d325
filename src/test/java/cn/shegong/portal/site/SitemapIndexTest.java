package cn.shegong.portal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Files of 10 URLs stand in for the protocol's 50,000, so the seeds already need an index. */
@ExtendWith(VertxExtension.class)
@DisplayName("A sitemap index once the public pages exceed one file")
class SitemapIndexTest {
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_SITEMAP_URLS_PER_FILE", "10"))
            .start()
            .await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static Document xml(String uri) throws Exception {
    var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), uri);
    assertTrue(r.getHeader("Content-Type").startsWith("application/xml"));
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes()));
  }

  @Test
  @DisplayName(
      "/sitemap.xml lists /sitemap-N.xml files of at most 10 URLs that together hold every public page once")
  void index() throws Exception {
    Document index = xml("/sitemap.xml");
    assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
    assertEquals(NS, index.getDocumentElement().getNamespaceURI());
    NodeList files = index.getElementsByTagNameNS(NS, "loc");
    long expected =
        3
            + Long.parseLong(
                portal
                    .database()
                    .queryOne(
                        "SELECT (SELECT count(*) FROM articles WHERE status = 'published' "
                            + "AND origin <> 'synthetic') + (SELECT count(*) FROM stations "
                            + "WHERE origin <> 'synthetic')"));
    assertEquals((expected + 9) / 10, files.getLength());
    Set<String> urls = new HashSet<>();
    long total = 0;
    String base = portal.config().publicBaseUrl();
    for (int i = 0; i < files.getLength(); i++) {
      String loc = files.item(i).getTextContent();
      assertEquals(base + "/sitemap-" + (i + 1) + ".xml", loc);
      Document file = xml(loc.substring(base.length()));
      assertEquals("urlset", file.getDocumentElement().getLocalName());
      NodeList locs = file.getElementsByTagNameNS(NS, "loc");
      assertTrue(locs.getLength() <= 10);
      for (int j = 0; j < locs.getLength(); j++) urls.add(locs.item(j).getTextContent());
      total += locs.getLength();
    }
    assertEquals(expected, total);
    assertEquals(total, urls.size(), "no page twice");
    assertTrue(urls.contains(base + "/stations"));
    var beyond =
        portal
            .client()
            .get("/sitemap-" + (files.getLength() + 1) + ".xml")
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals(404, beyond.statusCode());
  }
}
