package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TcpProxy;
import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("When PostgreSQL goes away")
class DatabaseOutageTest {
  static TcpProxy proxy;
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    proxy = new TcpProxy(vertx, TestDatabase.HOST, TestDatabase.PORT);
    portal = TestPortal.behindProxy(vertx, proxy);
    portal.start().await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).timeout(10_000).send().await(15, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName(
      "ready says 503 within seconds, pages answer a Chinese 503 quickly, and all recovers without a restart")
  void outageAndRecovery() throws Exception {
    assertEquals(200, get("/news").statusCode());
    assertEquals(
        200,
        get("/news").statusCode(),
        "now also in the page cache, which must not hide the outage (kept copies say so)");
    proxy.down().await(5, TimeUnit.SECONDS);

    long t0 = System.nanoTime();
    var ready = get("/ready");
    assertEquals(503, ready.statusCode());
    assertEquals("down", ready.bodyAsJsonObject().getString("database"));
    var kept = get("/news");
    var listed = get("/news?page=2");
    var page = get("/news/no-such-report-anywhere");
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, kept.statusCode(), "a page read before the outage: its kept copy");
    assertTrue(kept.bodyAsString().contains("数据库暂时不可用，以下是 "), "with a visible notice");
    assertEquals(200, listed.statusCode(), "a list page nobody read: from the search index");
    assertTrue(listed.bodyAsString().contains("数据库暂时不可用，以下是 "), "with a visible notice");
    assertEquals(503, page.statusCode(), "what no copy holds");
    assertTrue(page.bodyAsString().contains("暂时无法访问"), "a Chinese unavailable page");
    assertTrue(elapsedMs < 5000, "answered quickly, took " + elapsedMs + " ms");
    assertEquals(200, get("/health").statusCode(), "liveness does not depend on the database");
    var unread = get("/news/zibo-social-work-talent");
    assertEquals(200, unread.statusCode(), "an article nobody read yet: the index's text of it");
    assertTrue(unread.bodyAsString().contains("搜索索引中保存的全文"));

    proxy.up().await(5, TimeUnit.SECONDS);
    int status = 0;
    for (int i = 0; i < 40 && status != 200; i++) {
      Thread.sleep(250);
      status = get("/ready").statusCode();
    }
    assertEquals(200, status, "ready again once PostgreSQL is back");
    var back = get("/news");
    assertEquals(200, back.statusCode());
    assertTrue(!back.bodyAsString().contains("数据库暂时不可用"), "no notice once back");
  }
}
