package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The “10,000+” behaviour through HTTP, with the limit lowered to 5 so that the seeds exceed it.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Past the counting limit: a lower bound in the API and “N+” on the page")
class SearchCountLimitTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_SEARCH_COUNT_LIMIT", "5"))
            .start()
            .await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "a broad query: total 5 with total_relation gte, still a full page of hits; a narrow one: eq")
  void api() throws Exception {
    JsonObject broad = SearchTesting.api(portal, "q=" + enc("社工"));
    assertEquals(5, broad.getLong("total"));
    assertEquals("gte", broad.getString("total_relation"));
    assertEquals(
        10, broad.getJsonArray("hits").size(), "the hits do not stop at the counting limit");
    JsonObject narrow = SearchTesting.api(portal, "q=" + enc("墨竹工卡"));
    assertEquals("eq", narrow.getString("total_relation"));
    assertTrue(narrow.getLong("total") < 5);
  }

  @Test
  @DisplayName("the page says “5+ 条结果” and that facet counts are those of the first 5")
  void page() throws Exception {
    var r = portal.client().get("/search?q=" + enc("社工")).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    String html = r.bodyAsString();
    assertTrue(html.contains("<strong>5+</strong> 条结果"), html);
    assertTrue(html.contains("按前 5 条统计"));
    assertTrue(
        html.contains("href=\"/search?q=" + enc("社工") + "&amp;page=2\""),
        "more pages than the count shows");
  }
}
