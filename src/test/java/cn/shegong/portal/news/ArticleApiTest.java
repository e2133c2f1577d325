package cn.shegong.portal.news;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The public articles API")
class ArticleApiTest {
  static TestPortal portal;
  static String base;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    base = portal.config().publicBaseUrl();
    NewsFixtures.insertHidden(portal.database());
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static JsonObject json(String uri) throws Exception {
    var r = get(uri);
    assertEquals(200, r.statusCode(), uri + " " + r.bodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), uri);
    return new JsonObject(r.bodyAsString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> slugs(JsonObject page) {
    List<String> out = new ArrayList<>();
    for (Object o : page.getJsonArray("articles")) out.add(((JsonObject) o).getString("slug"));
    return out;
  }

  @Test
  @DisplayName(
      "the list answers total and articles with slug, title, absolute url, published_at, source, region, tags")
  void listShape() throws Exception {
    JsonObject page = json("/api/articles");
    assertEquals(16, page.getLong("total"), "drafts, scheduled and unpublished not counted");
    JsonArray articles = page.getJsonArray("articles");
    assertEquals(16, articles.size(), "default limit 20");
    JsonObject first = articles.getJsonObject(0);
    assertEquals("jiading-psych-social-work-station-map", first.getString("slug"));
    assertEquals("上海嘉定社区心理健康社工站服务地图发布", first.getString("title"));
    assertEquals(base + "/news/jiading-psych-social-work-station-map", first.getString("url"));
    assertTrue(first.getString("url").startsWith("http"), "absolute");
    assertEquals(
        "2024-09-20",
        OffsetDateTime.parse(first.getString("published_at"))
            .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
            .toLocalDate()
            .toString());
    assertEquals("《新闻晨报》", first.getString("source"));
    assertEquals("上海市", first.getJsonObject("region").getString("province"));
    assertEquals("嘉定区", first.getJsonObject("region").getString("district"));
    assertEquals(new JsonArray(List.of("心理健康", "社工站", "志愿服务")), first.getJsonArray("tags"));
    assertEquals("day", first.getString("date_precision"));
    assertFalse(first.containsKey("body"), "the list stays small");
  }

  @Test
  @DisplayName("limit and offset page through the list without overlap")
  void paging() throws Exception {
    List<String> all = new ArrayList<>();
    for (int offset = 0; offset < 16; offset += 5) {
      JsonObject page = json("/api/articles?limit=5&offset=" + offset);
      assertEquals(16, page.getLong("total"));
      all.addAll(slugs(page));
    }
    assertEquals(16, all.size());
    assertEquals(16, all.stream().distinct().count());
    assertEquals(slugs(json("/api/articles?limit=100")), all);
    assertEquals(0, json("/api/articles?offset=500").getJsonArray("articles").size());
  }

  @Test
  @DisplayName("region, tag and since filter the list")
  void filters() throws Exception {
    assertEquals(
        List.of("jiading-psych-social-work-station-map"),
        slugs(json("/api/articles?region=" + enc("上海市"))));
    assertEquals(5, json("/api/articles?region=" + enc("淄博市")).getLong("total"));
    assertEquals(2, json("/api/articles?tag=" + enc("医务社工")).getLong("total"));
    JsonObject recent = json("/api/articles?since=2024-09-01");
    assertEquals(
        List.of("jiading-psych-social-work-station-map", "jiyang-156-social-work-stations"),
        slugs(recent));
    assertEquals(
        List.of("jiading-psych-social-work-station-map"),
        slugs(json("/api/articles?since=2024-09-02T00:00:00%2B08:00")));
    assertEquals(
        1,
        json("/api/articles?since=2024-01-01&tag=" + enc("社工站") + "&region=" + enc("山东省"))
            .getLong("total"));
  }

  @Test
  @DisplayName("one article answers its full text and the stations it mentions")
  void oneArticle() throws Exception {
    JsonObject a = json("/api/articles/jiading-psych-social-work-station-map");
    assertEquals(base + "/news/jiading-psych-social-work-station-map", a.getString("url"));
    assertTrue(a.getString("body").contains("9月20日,上海市嘉定区江桥镇海波路"));
    assertTrue(a.getJsonArray("paragraphs").size() > 3);
    assertTrue(
        a.getJsonArray("stations").stream()
            .map(o -> ((JsonObject) o).getString("url"))
            .anyMatch((base + "/stations/jiading-jiangqiao-psych-station")::equals));
  }

  @Test
  @DisplayName("malformed dates, limits out of range and unknown parameters answer 400 JSON")
  void badRequests() throws Exception {
    for (String uri :
        List.of(
            "/api/articles?limit=0",
            "/api/articles?limit=101",
            "/api/articles?limit=ten",
            "/api/articles?offset=-1",
            "/api/articles?since=yesterday",
            "/api/articles?since=2024-02-30",
            "/api/articles?since=2024-13-01",
            "/api/articles?colour=red",
            "/api/articles?tag=a&tag=b",
            "/api/articles?month=4")) {
      var r = get(uri);
      assertEquals(400, r.statusCode(), uri);
      JsonObject body = new JsonObject(r.bodyAsString());
      assertEquals(400, body.getInteger("status"), uri);
      assertFalse(body.getString("error").isBlank(), uri);
    }
  }

  @Test
  @DisplayName(
      "draft, scheduled, unpublished and unknown slugs answer 404 JSON and never appear in lists")
  void hidden() throws Exception {
    List<String> slugs = new ArrayList<>(NewsFixtures.HIDDEN_SLUGS);
    slugs.add("no-such-article");
    for (String slug : slugs) {
      var r = get("/api/articles/" + slug);
      assertEquals(404, r.statusCode(), slug);
      assertEquals(404, new JsonObject(r.bodyAsString()).getInteger("status"), slug);
    }
    String all = get("/api/articles?limit=100&region=" + enc("上海市")).bodyAsString();
    assertFalse(all.contains(NewsFixtures.HIDDEN_TITLE_MARK));
  }
}
