package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Static files under content-hashed URLs")
class AssetsTest {
  private static final Pattern ASSET =
      Pattern.compile("(?:href|src|data-[a-z-]+)=\"(/(?:static|webjars)/[^\"]+)\"");
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  private static List<String> assetsOf(String page) throws Exception {
    var m = ASSET.matcher(get(page).bodyAsString());
    List<String> urls = new ArrayList<>();
    while (m.find()) urls.add(m.group(1));
    return urls;
  }

  @Test
  @DisplayName(
      "every page's styles, scripts and icon are hashed URLs answered with a one-year immutable cache")
  void pagesUseHashedUrls() throws Exception {
    for (String page : new String[] {"/", "/stations", "/news", "/search?q=社工"}) {
      List<String> urls = assetsOf(page);
      assertFalse(urls.isEmpty(), page);
      if (page.equals("/stations")) {
        // the map's styles and scripts, fetched later by stations.js, are hashed like the rest
        assertEquals(
            7,
            urls.stream()
                .filter(
                    u ->
                        u.contains("leaflet")
                            || u.endsWith("stations-map.js")
                            || u.endsWith(".geojson"))
                .count(),
            String.join("\n", urls));
      }
      for (String url : urls) {
        assertTrue(url.matches("/(static|webjars)/[0-9a-f]{12}/.+"), page + ": " + url);
        var r = get(url);
        assertEquals(200, r.statusCode(), url);
        assertEquals("public, max-age=31536000, immutable", r.getHeader("Cache-Control"), url);
        assertTrue(r.getHeader("Content-Type") != null && r.getHeader("ETag") != null, url);
      }
    }
  }

  @Test
  @DisplayName(
      "the hash is the file's content hash: the plain URL and a stale hash get a short cache, never immutable")
  void plainAndStale() throws Exception {
    String hashed =
        assetsOf("/").stream().filter(u -> u.endsWith("/css/site.css")).findFirst().orElseThrow();
    var plain = get("/static/css/site.css");
    assertEquals(200, plain.statusCode());
    assertEquals(get(hashed).bodyAsString(), plain.bodyAsString());
    assertEquals(
        "\"" + hashed.split("/")[2] + "\"",
        plain.getHeader("ETag"),
        "the URL's hash is the content's");
    for (String uri : new String[] {"/static/css/site.css", "/static/000000000000/css/site.css"}) {
      String cache = get(uri).getHeader("Cache-Control");
      assertTrue(cache.contains("max-age=300") && !cache.contains("immutable"), uri + ": " + cache);
    }
    assertTrue(get("/static/css/site.css").getHeader("Content-Type").startsWith("text/css"));
  }

  @Test
  @DisplayName("a matching If-None-Match gets 304, and unknown files 404")
  void revalidationAndMissing() throws Exception {
    var first = get("/static/js/stations-map.js");
    var again =
        portal
            .client()
            .get("/static/js/stations-map.js")
            .putHeader("If-None-Match", first.getHeader("ETag"))
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals(304, again.statusCode());
    assertEquals(404, get("/static/000000000000/css/nothing.css").statusCode());
    assertEquals(404, get("/static/css/nothing.css").statusCode());
  }
}
