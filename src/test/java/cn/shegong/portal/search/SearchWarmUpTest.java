package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.synthetic.GenerateCommand;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("While the index is being built the portal answers, and search says so")
class SearchWarmUpTest {

  @Test
  @DisplayName(
      "/api/search 503 with a JSON message, the page 503 in Chinese, /ready 503; then all ready")
  void warmingUp(Vertx vertx) throws Exception {
    TestPortal portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    try {
      SearchTesting.awaitIndex(portal);
      portal.stop().await(1, TimeUnit.MINUTES);
      // enough rows that a rebuild takes a while
      assertEquals(
          0,
          GenerateCommand.run(
              portal.config(), new String[] {"--articles", "10000", "--stations", "0"}));
      IndexGenerations.deleteTree(portal.indexDir());
      portal =
          TestPortal.forDatabase(
                  vertx,
                  portal.database(),
                  portal.indexDir(),
                  Map.of("PORTAL_INDEX_BUILD_WAIT_MS", "1"))
              .start()
              .await(2, TimeUnit.MINUTES);
      var api =
          portal.client().get("/api/search?q=" + enc("社工")).send().await(20, TimeUnit.SECONDS);
      assertEquals(503, api.statusCode());
      assertEquals("索引正在建立，请稍候", api.bodyAsJsonObject().getString("error"));
      var page = portal.client().get("/search?q=" + enc("社工")).send().await(20, TimeUnit.SECONDS);
      assertEquals(503, page.statusCode());
      assertTrue(page.bodyAsString().contains("索引正在建立，请稍候"));
      assertEquals(
          200,
          portal.client().get("/news").send().await(20, TimeUnit.SECONDS).statusCode(),
          "pages still served");
      assertEquals(
          503, portal.client().get("/ready").send().await(20, TimeUnit.SECONDS).statusCode());
      SearchTesting.awaitIndex(portal);
      assertEquals(
          200, portal.client().get("/ready").send().await(20, TimeUnit.SECONDS).statusCode());
    } finally {
      portal.destroy().await(1, TimeUnit.MINUTES);
    }
  }
}
