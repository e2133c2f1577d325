package cn.shegong.portal.search;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Small helpers for search tests that talk to a real portal over HTTP. */
final class SearchTesting {
  private SearchTesting() {}

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject api(TestPortal portal, String query) throws Exception {
    var r = portal.client().get("/api/search?" + query).send().await(20, TimeUnit.SECONDS);
    if (r.statusCode() != 200)
      throw new AssertionError(
          "GET /api/search?" + query + " → " + r.statusCode() + " " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Waits until the portal's index answers (it is built in the background at first start). */
  static void awaitIndex(TestPortal portal) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      var r = portal.client().get("/api/search?q=" + enc("社工")).send().await(20, TimeUnit.SECONDS);
      if (r.statusCode() == 200) return;
      Thread.sleep(100);
    }
    throw new AssertionError("index not ready within 60 s");
  }

  /** Polls a search until {@code done} holds; returns how long it took. */
  static long awaitSearch(
      TestPortal portal, String query, Predicate<JsonObject> done, long timeoutMs)
      throws Exception {
    long start = System.currentTimeMillis();
    while (true) {
      JsonObject body = api(portal, query);
      if (done.test(body)) return System.currentTimeMillis() - start;
      if (System.currentTimeMillis() - start > timeoutMs) {
        throw new AssertionError(
            "not within " + timeoutMs + " ms: " + query + " → " + body.encode());
      }
      Thread.sleep(50);
    }
  }
}
