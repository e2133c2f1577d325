package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The answers kept for an outage")
class KeptAnswersTest {
  static HttpServer server;
  static WebClient client;

  /** Every GET is kept as a feature keeps it; with {@code X-Outage} it is asked back instead. */
  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    KeptAnswers kept = new KeptAnswers(1024 * 1024);
    Router router = Router.router(vertx);
    router.route().handler(kept::attach);
    router
        .get()
        .handler(
            ctx -> {
              if (ctx.request().getHeader("X-Outage") != null) {
                if (!kept.serveStale(ctx)) ctx.response().setStatusCode(404).end();
                return;
              }
              Buffer body = Buffer.buffer("answer to " + ctx.request().uri());
              KeptAnswers.keepFor(ctx, "text/plain", body);
              ctx.response().end(body);
            });
    server = vertx.createHttpServer().requestHandler(router).listen(0).await(20, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close().await(20, TimeUnit.SECONDS);
  }

  private static int askedBack(String uri) throws Exception {
    client.get(server.actualPort(), "localhost", uri).send().await(20, TimeUnit.SECONDS);
    return client
        .get(server.actualPort(), "localhost", uri)
        .putHeader("X-Outage", "1")
        .send()
        .await(20, TimeUnit.SECONDS)
        .statusCode();
  }

  @Test
  @DisplayName("a list, an article and a feed are kept and come back marked stale")
  void publicReadsAreKept() throws Exception {
    for (String uri : new String[] {"/news?page=2", "/news/some-report", "/feed.atom", "/stations"})
      assertEquals(200, askedBack(uri), uri);
  }

  @Test
  @DisplayName(
      "nothing asked with a position or a search is kept: neither stays in memory as a key")
  void positionsAndSearchesAreNot() throws Exception {
    for (String uri :
        new String[] {
          "/api/stations?near=31.2,121.4",
          "/stations?near=31.2,121.4&radius_km=5",
          "/search?q=%E7%84%A6%E8%99%91",
          "/search.atom?q=%E7%84%A6%E8%99%91",
          "/api/search?q=%E7%84%A6%E8%99%91",
          "/api/suggest?q=%E7%84%A6",
          "/stations?q=%E7%B2%BE%E7%A5%9E",
          "/hsds/services?search=%E5%BF%83%E7%90%86"
        }) assertEquals(404, askedBack(uri), uri);
  }
}
