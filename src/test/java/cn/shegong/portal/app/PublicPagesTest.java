package cn.shegong.portal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Public pages on a freshly seeded portal")
class PublicPagesTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the home page shows the latest seed news, station counts by kind and a search box")
  void home() throws Exception {
    var r = get("/");
    assertEquals(200, r.statusCode());
    String html = r.bodyAsString();
    assertTrue(html.contains("<html lang=\"zh-CN\""));
    assertTrue(html.contains("心理健康社工站") && html.contains("医务社工") && html.contains("镇（街道）社工站"));
    assertTrue(html.contains("上海嘉定社区心理健康社工站服务地图发布"), "newest seed article listed");
    assertTrue(html.contains("name=\"q\""), "search box");
    assertTrue(
        html.matches("(?s).*<span class=\"kind-count\">[1-9]\\d* 个</span>.*"),
        "non-zero station counts");
  }

  @Test
  @DisplayName(
      "the news list is newest first, ten or more a page, and pages past the end are empty, not errors")
  void newsList() throws Exception {
    String first = get("/news").bodyAsString();
    int jiading = first.indexOf("上海嘉定社区心理健康社工站服务地图发布");
    int wuhan = first.indexOf("2022 医疗救助与医务社会工作高质量发展论坛在武汉召开");
    assertTrue(jiading > 0 && (wuhan < 0 || jiading < wuhan), "2024 before 2022");
    assertTrue(first.split("class=\"article-item\"").length - 1 >= 10);
    var beyond = get("/news?page=500");
    assertEquals(200, beyond.statusCode());
    assertTrue(beyond.bodyAsString().contains("回到第一页"));
  }

  @Test
  @DisplayName(
      "an article page shows title, date with its precision, source, clean paragraphs and its stations")
  void article() throws Exception {
    var r = get("/news/jiading-psych-social-work-station-map");
    assertEquals(200, r.statusCode());
    String html = r.bodyAsString();
    assertTrue(html.contains("2024年9月20日"));
    assertTrue(html.contains("据《新闻晨报》"));
    assertTrue(html.contains("江桥镇心理健康社工站"), "mentioned station linked");
    assertFalse(html.contains("Exception"));
  }

  @Test
  @DisplayName("the station list and a station page render, with approximate locations said so")
  void stations() throws Exception {
    String list = get("/stations").bodyAsString();
    assertTrue(list.contains("江桥镇心理健康社工站"));
    var page = get("/stations/jiading-jiangqiao-psych-station");
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("不是准确门址"));
  }

  @Test
  @DisplayName(
      "unknown slugs and paths answer a Chinese 404 page; bad page numbers a 400; the API answers JSON")
  void errors() throws Exception {
    for (String uri :
        new String[] {"/news/no-such-article", "/stations/no-such-station", "/nothing-here"}) {
      var r = get(uri);
      assertEquals(404, r.statusCode(), uri);
      assertTrue(r.bodyAsString().contains("页面不存在"), uri);
    }
    var bad = get("/news?page=-3");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("参数 page"));
    var api = get("/api/nothing");
    assertEquals(404, api.statusCode());
    assertEquals(404, new JsonObject(api.bodyAsString()).getInteger("status"));
  }

  @Test
  @DisplayName("health is always up and ready reports the database; both are JSON")
  void healthAndReady() throws Exception {
    assertEquals("ok", get("/health").bodyAsJsonObject().getString("status"));
    var ready = get("/ready");
    assertEquals(200, ready.statusCode());
    assertEquals("up", ready.bodyAsJsonObject().getString("database"));
  }

  @Test
  @DisplayName("every response carries the security headers, error pages and static files included")
  void securityHeaders() throws Exception {
    for (String uri : new String[] {"/", "/nothing-here", "/static/css/site.css", "/health"}) {
      var r = get(uri);
      assertTrue(r.getHeader("Content-Security-Policy").contains("object-src 'none'"), uri);
      assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), uri);
      assertTrue(r.getHeader("Referrer-Policy") != null, uri);
      assertEquals(null, r.getHeader("Set-Cookie"), "readers get no cookie: " + uri);
    }
  }

  @Test
  @DisplayName("path traversal out of static/ is refused")
  void traversal() throws Exception {
    for (String uri :
        new String[] {"/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/..%2fpom.xml"}) {
      var r = get(uri);
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, uri + " " + r.statusCode());
      assertFalse(r.bodyAsString().contains("<artifactId>"), uri);
    }
  }
}
