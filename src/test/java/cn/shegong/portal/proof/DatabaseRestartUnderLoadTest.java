package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TcpProxy;
import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("PostgreSQL restarted under load")
class DatabaseRestartUnderLoadTest {
  static final List<String> LOAD =
      List.of(
          "/",
          "/news",
          "/news/zibo-social-work-talent",
          "/stations",
          "/stations/jiading-jiangqiao-psych-station",
          "/api/stations?near=31.23,121.47&limit=20",
          "/search?q=%E5%8C%BB%E5%8A%A1%E7%A4%BE%E5%B7%A5",
          "/api/articles");
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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

  /** Status of a GET, -1 when it failed or took longer than 10 s (a hang). */
  static int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static String phase(boolean down) {
    return down ? "down" : "up";
  }

  @Test
  @DisplayName(
      "while it is down every request answers within 2 s (a kept copy, the index, or 503), /ready says 503; then all recovers")
  void restartUnderLoad() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean down = new AtomicBoolean(false);
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    AtomicLong slowestWhileDown = new AtomicLong();
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      int offset = t;
      load.submit(
          () -> {
            for (int i = offset; running.get(); i++) {
              String path = LOAD.get(i % LOAD.size());
              boolean wasDown = down.get();
              long t0 = System.nanoTime();
              int s = status(path);
              long ms = (System.nanoTime() - t0) / 1_000_000;
              if (wasDown && down.get()) slowestWhileDown.accumulateAndGet(ms, Math::max);
              counts.merge(
                  phase(wasDown) + " " + s + (s == 200 || s == 503 ? "" : " " + path),
                  1,
                  Integer::sum);
            }
          });
    }
    Thread.sleep(1500);
    proxy.down().await(5, TimeUnit.SECONDS);
    down.set(true);
    Thread.sleep(500);
    long t0 = System.nanoTime();
    int ready = status("/ready");
    long readyMs = (System.nanoTime() - t0) / 1_000_000;
    Thread.sleep(3000);
    down.set(false);
    proxy.up().await(5, TimeUnit.SECONDS);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (status("/ready") != 200 && System.nanoTime() < deadline) Thread.sleep(200);
    Thread.sleep(1500);
    Map<String, Integer> before = Map.copyOf(counts);
    Thread.sleep(1500);
    running.set(false);
    load.shutdown();
    assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), "no request hangs");

    assertEquals(503, ready, "/ready while the database is down");
    assertTrue(readyMs < 2000, "/ready answered in " + readyMs + " ms");
    // pages already served once are answered from the kept copy while the database is away (issue
    // 15)
    assertTrue(
        counts.getOrDefault("down 200", 0) > 0,
        "readers were served from kept copies while down: " + counts);
    assertTrue(
        slowestWhileDown.get() < 2000,
        "slowest answer while down " + slowestWhileDown.get() + " ms: " + counts);
    assertTrue(
        counts.keySet().stream().allMatch(k -> k.endsWith(" 200") || k.endsWith(" 503")),
        "only 200 and 503, no 500 and no hang: " + counts);
    assertTrue(
        counts.getOrDefault("up 200", 0) > before.getOrDefault("up 200", 0),
        "serving again after the outage: " + counts);
    assertTrue(
        counts.getOrDefault("up 503", 0) - before.getOrDefault("up 503", 0) == 0,
        "no 503 once recovered: " + counts);

    portal
        .database()
        .exec(
            "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('after-the-outage', "
                + "'数据库重启之后的报道', '正文。', 'published', now(), 'editor')");
    String body = "";
    for (int i = 0; i < 40 && !body.contains("after-the-outage"); i++) {
      Thread.sleep(250);
      body =
          portal
              .client()
              .get("/api/search?q=" + java.net.URLEncoder.encode("数据库重启之后的报道", "UTF-8"))
              .send()
              .await(10, TimeUnit.SECONDS)
              .bodyAsString();
    }
    assertTrue(body.contains("after-the-outage"), "the index follows the database again: " + body);
  }
}
