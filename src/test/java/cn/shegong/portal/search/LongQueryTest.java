package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "A long Chinese query is answered 200 with a notice on /search and /api/search, never 500")
class LongQueryTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // the machine is shared and loaded: a generous wait for a pooled connection
    portal =
        TestPortal.create(vertx, java.util.Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "20000"))
            .start()
            .await(3, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "80 characters: the page and the API answer 200 and say that only the first characters were searched")
  void eightyCharacters() throws Exception {
    var page =
        portal
            .client()
            .get("/search?q=" + enc(QueryBudgetTest.LONG))
            .send()
            .await(30, TimeUnit.SECONDS);
    assertEquals(200, page.statusCode(), page.bodyAsString());
    assertTrue(page.bodyAsString().contains("查询过长，只按前 "), "no notice on the page");
    var api =
        portal
            .client()
            .get("/api/search?q=" + enc(QueryBudgetTest.LONG))
            .send()
            .await(30, TimeUnit.SECONDS);
    assertEquals(200, api.statusCode(), api.bodyAsString());
    assertTrue(
        api.bodyAsJsonObject().getString("notice").startsWith("查询过长，只按前 "), api.bodyAsString());
  }

  @Test
  @DisplayName(
      "the longest query allowed, of many distinct words and synonyms, answers 200 on both, and one longer 400")
  void longestAndMany() throws Exception {
    String many =
        ("社工 社工站 医务社工 心理健康 养老 居家养老 志愿服务 社工机构 社工人才 社区工作者 未成年人保护 残疾人 老年人 " + "lasa jiading 江桥 嘉定 拉萨 ")
            .repeat(8)
            .substring(0, SearchRequest.MAX_QUERY_LENGTH)
            .strip();
    for (String uri : new String[] {"/search?q=", "/api/search?q="}) {
      var r = portal.client().get(uri + enc(many)).send().await(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), uri + " " + r.bodyAsString());
    }
    var tooLong =
        portal
            .client()
            .get("/api/search?q=" + enc("社".repeat(SearchRequest.MAX_QUERY_LENGTH + 1)))
            .send()
            .await(30, TimeUnit.SECONDS);
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.bodyAsJsonObject().getString("error").contains("过长"));
  }
}
