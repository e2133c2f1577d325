package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.api;
import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
@DisplayName("/search, /api/search and /api/suggest on the seed content")
class SearchApiTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static List<String> titles(JsonObject body) {
    return body.getJsonArray("hits").stream()
        .map(h -> ((JsonObject) h).getString("title"))
        .toList();
  }

  @Test
  @DisplayName("the JSON shape: query, total, hits with type/id/title/url/snippet, facets")
  void shape() throws Exception {
    JsonObject body = api(portal, "q=" + enc("医务社工"));
    assertEquals("医务社工", body.getString("query"));
    assertTrue(body.getLong("total") >= 2);
    assertEquals("eq", body.getString("total_relation"), "a small result set is counted exactly");
    JsonObject hit = body.getJsonArray("hits").getJsonObject(0);
    for (String key : List.of("type", "id", "title", "url", "snippet"))
      assertTrue(hit.containsKey(key), key);
    assertTrue(List.of("article", "station").contains(hit.getString("type")));
    assertTrue(
        hit.getString("url").startsWith("/news/") || hit.getString("url").startsWith("/stations/"));
    assertEquals(200, get(hit.getString("url")).statusCode(), "url is the hit's page");
    JsonObject facets = body.getJsonObject("facets");
    for (String dim : List.of("type", "kind", "province", "year"))
      assertTrue(facets.containsKey(dim), dim);
    long byType =
        facets.getJsonObject("type").stream()
            .mapToLong(e -> ((Number) e.getValue()).longValue())
            .sum();
    assertEquals(body.getLong("total"), byType);
  }

  @Test
  @DisplayName("traditional characters, pinyin and initials find simplified text")
  void beyondTheCharacters() throws Exception {
    assertTrue(
        titles(api(portal, "type=news&q=" + enc("醫務社工"))).stream()
            .anyMatch(t -> t.contains("医务社工")));
    assertTrue(titles(api(portal, "q=lasa")).get(0).contains("拉萨"));
    assertTrue(titles(api(portal, "q=jiading")).stream().anyMatch(t -> t.contains("嘉定")));
    assertTrue(
        titles(api(portal, "type=stations&q=jqz")).stream().anyMatch(t -> t.contains("江桥镇")),
        "initials");
  }

  @Test
  @DisplayName(
      "filters by type and kind, and a near-a-place search returns only stations within the radius")
  void filters() throws Exception {
    JsonObject psych = api(portal, "type=stations&kind=psych&q=" + enc("社工站"));
    assertTrue(psych.getLong("total") >= 1);
    psych
        .getJsonArray("hits")
        .forEach(h -> assertEquals("psych", ((JsonObject) h).getString("kind")));
    JsonObject near =
        api(portal, "type=stations&lat=31.37&lon=121.25&km=40&sort=distance&q=" + enc("心理"));
    assertTrue(near.getLong("total") >= 1);
    near.getJsonArray("hits")
        .forEach(h -> assertEquals("上海市嘉定区", ((JsonObject) h).getString("region").substring(0, 6)));
  }

  @Test
  @DisplayName(
      "empty and over-long queries are 400 with a JSON message in the portal's one error shape")
  void badInput() throws Exception {
    for (String q : List.of("", "%20%20", enc("社".repeat(201)))) {
      var r = get("/api/search?q=" + q);
      assertEquals(400, r.statusCode(), q);
      assertFalse(r.bodyAsJsonObject().getString("error").isBlank());
      assertEquals(400, r.bodyAsJsonObject().getInteger("status"), r.bodyAsString());
    }
    assertEquals(400, get("/api/suggest?q=").bodyAsJsonObject().getInteger("status"));
    assertEquals(400, get("/api/search").statusCode());
    assertEquals(400, get("/api/search?q=x&limit=abc").statusCode());
    assertEquals(400, get("/api/suggest?q=").statusCode());
  }

  @Test
  @DisplayName(
      "syntax is literal, and hostile input answers 4xx or a normal result in under a second, never 500")
  void hostile() throws Exception {
    List<String> queries =
        List.of(
            "(".repeat(10_000),
            "x".repeat(64 * 1024),
            "社工 OR ".repeat(2_000),
            "社工 AND (医务 OR \"心理\"~2) title:* ?* [a TO z] {x} ^3 \\ / NOT -+!",
            "*",
            "?",
            "\"",
            "医务~",
            "/.*/",
            ")))(((",
            "社工\u0000站");
    for (String q : queries) {
      long start = System.nanoTime();
      var r = get("/api/search?q=" + enc(q));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(
          r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500),
          q.substring(0, Math.min(20, q.length())) + " → " + r.statusCode());
      assertTrue(ms < 1000, "answered in " + ms + " ms");
    }
    JsonObject literal = api(portal, "q=" + enc("医务*"));
    assertTrue(
        literal.getLong("total") >= 1, "the star is not a wildcard and does not fail the search");
  }

  @Test
  @DisplayName(
      "the page: hint for an empty query, escaped highlights, facets, partial-match notice, 400 for long input")
  void page() throws Exception {
    var empty = get("/search");
    assertEquals(200, empty.statusCode());
    assertTrue(empty.bodyAsString().contains("请输入要搜索的内容"));
    var hits = get("/search?q=" + enc("心理疏导"));
    assertEquals(200, hits.statusCode());
    String html = hits.bodyAsString();
    assertTrue(html.contains("<mark>心理疏导</mark>"), "highlighted");
    assertTrue(html.contains("找到 <strong>"), "hit count");
    assertTrue(html.contains("年份"), "facets");
    String evil = "<script>alert(1)</script>社工";
    String evilHtml = get("/search?q=" + enc(evil)).bodyAsString();
    assertFalse(evilHtml.contains("<script>alert(1)"), "query escaped");
    assertTrue(evilHtml.contains("&lt;script&gt;alert(1)&lt;/script&gt;社工"));
    assertTrue(get("/search?q=" + enc("江桥镇 鹦鹉螺")).bodyAsString().contains("未找到完全匹配，以下为部分匹配结果"));
    assertEquals(400, get("/search?q=" + enc("社".repeat(201))).statusCode());
    assertEquals(200, get("/search?q=" + enc("社工") + "&type=news&sort=date&page=2").statusCode());
  }

  @Test
  @DisplayName("suggestions: titles, station names and regions, pinyin included")
  void suggest() throws Exception {
    JsonArray s = get("/api/suggest?q=jiad").bodyAsJsonObject().getJsonArray("suggestions");
    assertTrue(
        s.stream().anyMatch(x -> ((JsonObject) x).getString("text").contains("嘉定")), s.encode());
    JsonArray han =
        get("/api/suggest?q=" + enc("墨竹")).bodyAsJsonObject().getJsonArray("suggestions");
    assertTrue(
        han.stream().anyMatch(x -> ((JsonObject) x).getString("text").contains("墨竹工卡")),
        han.encode());
  }
}
