package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Pages nobody opened before an outage still answer from the copies the portal keeps")
class NeverVisitedPagesOutageTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    for (int i = 0; i < 240 && get("/ready").statusCode() != 200; i++) Thread.sleep(500);
  }

  @AfterAll
  static void stop() throws Exception {
    TestDatabase.admin("ALTER DATABASE " + portal.database().name() + " ALLOW_CONNECTIONS true");
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).timeout(15_000).send().await(20, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName(
      "a station and \"near me\" from the located copy (no report form), an article from the index's text, each 200 marked stale; unknown ones 503")
  void fromTheKeptCopies() throws Exception {
    String article =
        portal
            .database()
            .queryOne(
                "SELECT slug FROM articles WHERE status = 'published' ORDER BY id DESC LIMIT 1");
    String title =
        portal.database().queryOne("SELECT title FROM articles WHERE slug = '" + article + "'");
    String slug =
        portal
            .database()
            .queryOne(
                "SELECT slug FROM stations WHERE latitude IS NOT NULL ORDER BY id DESC LIMIT 1");
    String name =
        portal.database().queryOne("SELECT name FROM stations WHERE slug = '" + slug + "'");
    // the copy is loaded (a "near me" answer) but this station's page was never rendered
    HttpResponse<Buffer> near = get("/api/stations?near=31.2,121.4&limit=3");
    assertEquals(200, near.statusCode());
    String nearest =
        near.bodyAsJsonObject().getJsonArray("stations").getJsonObject(0).getString("slug");
    assertEquals(200, get("/stations?near=31.2,121.4").statusCode());
    String db = portal.database().name();
    TestDatabase.admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
    TestDatabase.admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + db
            + "' AND application_name = 'social-work-portal'");
    for (int i = 0; i < 40 && get("/ready").statusCode() != 503; i++) Thread.sleep(100);
    long t0 = System.nanoTime();
    HttpResponse<Buffer> page = get("/stations/" + slug);
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "within 2 s");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("数据库暂时不可用，以下是 "), "the notice");
    assertTrue(html.contains(name), "the station's record");
    assertTrue(html.contains("暂时不能提交纠错"), "the report form says why it is absent");
    assertFalse(html.contains("name=\"token\""), "no form that cannot be sent");
    assertEquals("110 - \"stale\"", page.getHeader("Warning"));
    assertEquals("no-store", page.getHeader("Cache-Control"));
    assertEquals(503, get("/stations/no-such-station-anywhere").statusCode());

    // a position nobody asked for before: "near me" from the located copy
    HttpResponse<Buffer> nearMe = get("/api/stations?near=31.2001,121.4001&limit=3");
    assertEquals(200, nearMe.statusCode());
    assertEquals("110 - \"stale\"", nearMe.getHeader("Warning"));
    assertEquals(
        nearest,
        nearMe.bodyAsJsonObject().getJsonArray("stations").getJsonObject(0).getString("slug"));

    // a position asked before was not kept (it would stay in memory as the key): from the copy too
    String nearPage = get("/stations?near=31.2,121.4").bodyAsString();
    assertTrue(nearPage.contains("数据库暂时不可用，以下是 "), "the notice");
    assertTrue(nearPage.contains("临时调整的开放时间暂时无法读取"), "built from the copy, not kept");
    assertTrue(nearPage.contains(nearest), "the nearest station first");

    HttpResponse<Buffer> report = get("/news/" + article);
    assertEquals(200, report.statusCode());
    String text = report.bodyAsString();
    assertTrue(text.contains("数据库暂时不可用，以下是 ") && text.contains(title), text);
    assertTrue(text.contains("搜索索引中保存的全文"), "says where the text comes from");
    assertEquals("110 - \"stale\"", report.getHeader("Warning"));
    assertEquals(503, get("/news/no-such-report-anywhere").statusCode());

    // feeds and the sitemap nobody asked for since the start: kept when the portal began listening
    for (List<String> polled :
        List.of(
            List.of("/feed.atom", "/news/" + article),
            List.of("/feed.json", "/news/" + article),
            List.of("/stations.rss", "<rss"),
            List.of("/sitemap.xml", "/news/" + article))) {
      HttpResponse<Buffer> kept = get(polled.get(0));
      assertEquals(200, kept.statusCode(), polled.get(0));
      assertEquals("110 - \"stale\"", kept.getHeader("Warning"), polled.get(0));
      assertTrue(kept.bodyAsString().contains(polled.get(1)), polled.get(0) + " has its entries");
    }
    assertEquals(503, get("/feed.atom?tag=nobody-asked").statusCode(), "a feed no copy holds");

    TestDatabase.admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
    int ready = 0;
    for (int i = 0; i < 120 && ready != 200; i++) {
      Thread.sleep(250);
      ready = get("/ready").statusCode();
    }
    assertEquals(200, ready);
    String back = get("/stations/" + slug).bodyAsString();
    assertFalse(back.contains("数据库暂时不可用"), "the full page again");
    assertTrue(back.contains("name=\"token\""), "with its report form");
    assertFalse(get("/news/" + article).bodyAsString().contains("搜索索引中保存的全文"));
  }
}
