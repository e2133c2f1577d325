package cn.shegong.portal.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The news list through a database outage, for lists nobody read before it: the search index
 * answers them with the database's articles, order and counts. The index sorts 24 deep here
 * (PORTAL_SEARCH_COUNT_LIMIT), so a third page of the 31 articles needs the database.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("While PostgreSQL is away the news list answers from the search index")
class NewsListOutageTest {
  static final String MARK = "列表和筛选计数来自搜索索引保存的副本";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_SEARCH_COUNT_LIMIT", "24"))
            .start()
            .await(2, TimeUnit.MINUTES);
    NewsFixtures.insertHidden(portal.database());
    NewsFixtures.insertSynthetic(portal.database());
    NewsFixtures.insertTricky(portal.database());
    List<String> slugs = KeptListFixtures.insert(portal.database());
    for (int i = 0; i < 240 && get("/ready").statusCode() != 200; i++) Thread.sleep(500);
    for (String slug : slugs) awaitIndexed(slug);
  }

  @AfterAll
  static void stop() throws Exception {
    TestDatabase.admin("ALTER DATABASE " + portal.database().name() + " ALLOW_CONNECTIONS true");
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).timeout(15_000).send().await(20, TimeUnit.SECONDS);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void awaitIndexed(String slug) throws Exception {
    String title =
        portal.database().queryOne("SELECT title FROM articles WHERE slug = '" + slug + "'");
    for (int i = 0; i < 200; i++) {
      if (get("/api/search?q=" + enc(title)).bodyAsString().contains(slug)) return;
      Thread.sleep(100);
    }
    throw new AssertionError("not indexed: " + slug);
  }

  /** What the list shows: the count line, every item with its text, the pager and the facets. */
  static String list(String html) {
    int from = html.indexOf("<p class=\"muted result-count\">");
    int to = html.indexOf("</aside>");
    assertTrue(from > 0 && to > from, html);
    return html.substring(from, to).replace("<p class=\"muted kept-list\">" + MARK + "。</p>\n", "");
  }

  static void outage(boolean on) {
    String db = portal.database().name();
    TestDatabase.admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + !on);
    if (on)
      TestDatabase.admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + db
              + "' AND application_name = 'social-work-portal'");
  }

  @Test
  @DisplayName(
      "pages 1–2 and filtered lists nobody read: 200 with the notice, the database's items, order and counts, within 2 s; past the depth 503 in Chinese")
  void fromTheIndex() throws Exception {
    // each list as the database answered it; during the outage the same list is asked with a
    // parameter no copy was kept under, so only the index can answer
    List<String> lists =
        List.of(
            "/news",
            "/news?page=2",
            "/news?region=" + enc("上海市"),
            "/news?region=" + enc("浦东新区"),
            "/news?tag=" + enc("停电测试") + "&year=2024",
            "/news?year=2024&month=10",
            "/news?year=2023",
            "/news?region=" + enc("上海市") + "&year=2024&month=1",
            "/news?source=" + enc("！来源"),
            "/news?page=9&tag=" + enc("停电测试"));
    Map<String, String> before = new LinkedHashMap<>();
    for (String uri : lists) {
      HttpResponse<Buffer> r = get(uri);
      assertEquals(200, r.statusCode(), uri);
      assertFalse(r.bodyAsString().contains(MARK), uri);
      before.put(uri, list(r.bodyAsString()));
    }
    assertTrue(before.get("/news").contains("共 31 篇"), before.get("/news"));
    assertEquals(200, get("/news?page=3").statusCode(), "the database answers every page");

    outage(true);
    for (int i = 0; i < 40 && get("/ready").statusCode() != 503; i++) Thread.sleep(100);
    List<String> timings = new java.util.ArrayList<>();
    for (var e : before.entrySet()) {
      String uri = e.getKey() + (e.getKey().contains("?") ? "&" : "?") + "utm_source=outage";
      long t0 = System.nanoTime();
      HttpResponse<Buffer> r = get(uri);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(200, r.statusCode(), uri + " " + r.bodyAsString());
      assertTrue(ms < 2000, uri + " in " + ms + " ms");
      String html = r.bodyAsString();
      assertTrue(html.contains("数据库暂时不可用，以下是 "), "the notice: " + uri);
      assertTrue(html.contains(MARK), "from the index: " + uri);
      assertEquals("110 - \"stale\"", r.getHeader("Warning"), uri);
      assertEquals(e.getValue(), list(html), "as the database listed it: " + uri);
      timings.add(e.getKey() + " " + ms + " ms");
    }
    System.out.println("Kept lists during the outage: " + timings);

    HttpResponse<Buffer> cached = get("/news?page=2");
    assertEquals(200, cached.statusCode());
    assertTrue(cached.bodyAsString().contains("数据库暂时不可用，以下是 "));
    assertFalse(cached.bodyAsString().contains(MARK), "a page read before comes from its copy");

    long t0 = System.nanoTime();
    HttpResponse<Buffer> deep = get("/news?page=3&utm_source=outage");
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "within 2 s");
    assertEquals(503, deep.statusCode(), "deeper than the index sorts");
    assertTrue(deep.bodyAsString().contains("数据库暂时不可用"), "in Chinese");
    assertEquals(400, get("/news?year=2024&month=13&utm_source=outage").statusCode());

    outage(false);
    int ready = 0;
    for (int i = 0; i < 120 && ready != 200; i++) {
      Thread.sleep(250);
      ready = get("/ready").statusCode();
    }
    assertEquals(200, ready);
    String back = get("/news?page=3&utm_source=after").bodyAsString();
    assertFalse(back.contains("数据库暂时不可用"), "the database's list again");
    assertFalse(back.contains(MARK));
  }
}
