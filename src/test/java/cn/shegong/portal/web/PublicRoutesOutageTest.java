package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's maintenance window: ALLOW_CONNECTIONS false and the portal's sessions ended
 * (55000, 57P01).
 */
@ExtendWith(VertxExtension.class)
@DisplayName("While PostgreSQL refuses connections the public site keeps answering")
class PublicRoutesOutageTest {
  static TestPortal portal;
  static String article;
  static String station;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    article =
        portal
            .database()
            .queryOne("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1");
    station =
        portal
            .database()
            .queryOne("SELECT slug FROM stations WHERE latitude IS NOT NULL ORDER BY id LIMIT 1");
    for (int i = 0; i < 240 && get("/ready").statusCode() != 200; i++) Thread.sleep(500);
  }

  @AfterAll
  static void stop() throws Exception {
    TestDatabase.admin("ALTER DATABASE " + portal.database().name() + " ALLOW_CONNECTIONS true");
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).timeout(15_000).send().await(20, TimeUnit.SECONDS);
  }

  private static List<String> routes() {
    return List.of(
        "/",
        "/news",
        "/news/" + article,
        "/stations",
        "/stations/" + station,
        "/api/stations",
        "/api/stations?near=39.9,116.4",
        "/api/stations.geojson",
        "/api/articles",
        "/api/articles/" + article,
        "/feed.atom",
        "/feed.xml",
        "/sitemap.xml",
        "/stations/" + station + "/history",
        "/stations.atom",
        "/stations.json?kind=psych",
        "/search?q=%E7%A4%BE%E5%B7%A5",
        "/api/search?q=%E7%A4%BE%E5%B7%A5",
        "/api/suggest?q=%E7%A4%BE");
  }

  private static void outage(boolean on) {
    String db = portal.database().name();
    TestDatabase.admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + !on);
    if (on) {
      TestDatabase.admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + db
              + "' AND application_name = 'social-work-portal'");
    }
  }

  @Test
  @DisplayName(
      "every public route answers 200 with a notice or 503, never 500, within 2 s; writes keep the text; recovery by itself")
  void throughAnOutage() throws Exception {
    for (String uri : routes())
      assertEquals(200, get(uri).statusCode(), "before the outage: " + uri);
    HttpResponse<Buffer> stationPage = get("/stations/" + station);
    Matcher token =
        Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(stationPage.bodyAsString());
    assertTrue(token.find(), "the report form carries a token");

    try (Connection jdbc =
        DriverManager.getConnection(portal.database().jdbcUrl(), TestDatabase.USER, "")) {
      outage(true);
      // the ended sessions' close reaches the portal a moment later; until then a kept page is
      // simply current
      for (int i = 0; i < 40 && get("/ready").statusCode() != 503; i++) Thread.sleep(100);
      List<String> answers = new ArrayList<>();
      for (String uri : routes()) {
        long t0 = System.nanoTime();
        HttpResponse<Buffer> r = get(uri);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        answers.add(uri + " " + r.statusCode() + " " + ms + "ms");
        assertTrue(ms < 2000, "answered within 2 s: " + answers);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 503, "200 or 503: " + answers);
        boolean searchIndex = uri.contains("search") || uri.contains("suggest");
        if (r.statusCode() == 200 && !searchIndex) {
          String type = r.getHeader("Content-Type");
          if (type.startsWith("text/html")) {
            assertTrue(r.bodyAsString().contains("数据库暂时不可用，以下是 "), "a visible notice: " + uri);
          }
          assertEquals("110 - \"stale\"", r.getHeader("Warning"), uri);
          assertNotNull(r.getHeader("X-Portal-Stale"), uri);
        }
      }
      System.out.println("During the outage: " + answers);
      HttpResponse<Buffer> second = get("/news?page=2");
      assertEquals(200, second.statusCode(), "a list page nobody read: from the search index");
      assertTrue(second.bodyAsString().contains("列表和筛选计数来自搜索索引保存的副本"));
      // neither read before nor in the index: only the database could say it does not exist
      assertEquals(503, get("/news/no-such-report-anywhere").statusCode(), "a page no copy holds");
      int update = get("/stations/update/1.not-a-real-link").statusCode();
      assertTrue(update == 503 || update == 404, "an update link: 503 (or 404 unread), never 500");
      assertTrue(
          get("/news/no-such-report-anywhere").bodyAsString().contains("数据库暂时不可用"), "in Chinese");

      String typed = "电话已改为 010-12345678，周六也开放";
      HttpResponse<Buffer> report =
          portal
              .client()
              .post("/stations/" + station + "/report")
              .putHeader("Origin", "http://localhost:" + portal.port())
              .timeout(15_000)
              .sendForm(
                  MultiMap.caseInsensitiveMultiMap()
                      .add("token", token.group(1))
                      .add("field", "phone")
                      .add("correct_value", typed)
                      .add("contact", "reader@example.org"))
              .await(20, TimeUnit.SECONDS);
      assertEquals(503, report.statusCode());
      assertTrue(report.bodyAsString().contains(typed), "the reader's text is shown back");
      assertTrue(report.bodyAsString().contains("reader@example.org"));

      HttpResponse<Buffer> api =
          portal
              .client()
              .post("/api/editor/articles")
              .putHeader("Authorization", "Bearer sgt_not-checkable-while-the-database-is-away")
              .timeout(15_000)
              .sendJsonObject(new io.vertx.core.json.JsonObject().put("title", "t"))
              .await(20, TimeUnit.SECONDS);
      assertEquals(503, api.statusCode());
      assertNotNull(api.getHeader("Retry-After"));
      assertEquals(503, api.bodyAsJsonObject().getInteger("status"));

      // a change committed while the portal could not connect: read from change_log once it is back
      try (var s = jdbc.createStatement()) {
        s.executeUpdate("UPDATE articles SET title = '停电期间改过的标题' WHERE slug = '" + article + "'");
      }
      outage(false);
    }
    int ready = 0;
    for (int i = 0; i < 120 && ready != 200; i++) {
      Thread.sleep(250);
      ready = get("/ready").statusCode();
    }
    assertEquals(200, ready, "ready again without a restart");
    HttpResponse<Buffer> news = get("/news/" + article);
    assertEquals(200, news.statusCode());
    assertFalse(news.bodyAsString().contains("数据库暂时不可用"), "no notice once the database is back");
    boolean found = false;
    for (int i = 0; i < 80 && !found; i++) {
      found =
          get("/api/search?q=" + java.net.URLEncoder.encode("停电期间改过的标题", "UTF-8"))
              .bodyAsString()
              .contains(article);
      if (!found) Thread.sleep(250);
    }
    assertTrue(found, "the change made during the outage reached the index");
  }
}
