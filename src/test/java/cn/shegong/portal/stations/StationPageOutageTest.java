package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
@DisplayName("A station page nobody opened before the outage still answers from the kept copy")
class StationPageOutageTest {
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
      "200 with the notice, the record's name, address and hours, no report form; an unknown slug 503")
  void fromTheLocatedCopy() throws Exception {
    String slug =
        portal
            .database()
            .queryOne(
                "SELECT slug FROM stations WHERE latitude IS NOT NULL ORDER BY id DESC LIMIT 1");
    String name =
        portal.database().queryOne("SELECT name FROM stations WHERE slug = '" + slug + "'");
    // the copy is loaded (a "near me" answer) but this station's page was never rendered
    assertEquals(200, get("/api/stations?near=31.2,121.4&limit=3").statusCode());
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
  }
}
