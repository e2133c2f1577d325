package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Hostile input sent to every public route and parameter")
class HostileInputTest {
  static final List<String> ROUTES =
      List.of(
          "/",
          "/news",
          "/news/zibo-social-work-talent",
          "/stations",
          "/stations/jiading-jiangqiao-psych-station",
          "/search",
          "/api/search",
          "/api/suggest",
          "/api/stations",
          "/api/stations.geojson",
          "/api/stations.csv",
          "/api/articles",
          "/api/articles/zibo-social-work-talent",
          "/feed.atom",
          "/feed.xml",
          "/sitemap.xml",
          "/robots.txt",
          "/editor/login",
          "/health",
          "/ready");
  static final List<String> PARAMS =
      List.of(
          "q",
          "page",
          "type",
          "kind",
          "province",
          "city",
          "district",
          "near",
          "radius_km",
          "limit",
          "offset",
          "sort",
          "year",
          "month",
          "tag",
          "region",
          "source",
          "since",
          "service");

  static final int PARALLEL = 8;
  static TestPortal portal;
  static HttpClient http;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(3, TimeUnit.MINUTES);
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("localhost")
                .setDefaultPort(portal.port())
                .setMaxInitialLineLength(256 * 1024));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  record Answer(int status, String body, long millis) {}

  static Future<Answer> request(String rawUri) {
    long t0 = System.nanoTime();
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(rawUri))
        .compose(
            req ->
                req.send()
                    .compose(
                        resp ->
                            resp.body()
                                .map(
                                    b ->
                                        new Answer(
                                            resp.statusCode(),
                                            b.toString(),
                                            (System.nanoTime() - t0) / 1_000_000))));
  }

  static Answer send(String rawUri) throws Exception {
    return request(rawUri).await(20, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("never a 500, never a stack trace, never reflected unescaped, never hanging")
  void everyRouteEveryParameter() throws Exception {
    List<String> uris = new ArrayList<>();
    for (String route : ROUTES) {
      for (String param : PARAMS) {
        for (String value : HostileInput.values()) uris.add(route + "?" + param + "=" + value);
      }
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < uris.size(); i += PARALLEL) {
      List<String> batch = uris.subList(i, Math.min(uris.size(), i + PARALLEL));
      List<Future<Answer>> answers = batch.stream().map(HostileInputTest::request).toList();
      Future.join(answers).await(60, TimeUnit.SECONDS);
      for (int k = 0; k < batch.size(); k++) check(batch.get(k), answers.get(k).result(), problems);
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems:\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
  }

  private static void check(String uri, Answer a, List<String> problems) {
    String shortUri = uri.length() > 120 ? uri.substring(0, 120) + "…" : uri;
    // a flood of different CSV exports is bounded on purpose: beyond three encodings at once,
    // "busy, retry" (503)
    boolean boundedExport =
        a.status() == 503 && uri.startsWith("/api/stations.csv") && a.body().contains("导出正忙");
    if (a.status() >= 500 && !boundedExport) problems.add(a.status() + " " + shortUri);
    if (a.body().contains("Exception")
        || a.body().contains("\tat ")
        || a.body().contains("at io.vertx")) {
      problems.add("stack trace: " + shortUri);
    }
    if (a.body().contains(HostileInput.SCRIPT) || a.body().contains("<img src=x onerror")) {
      problems.add("reflected unescaped: " + shortUri);
    }
    // generous: several requests are in flight at once on a 2-core machine
    if (a.millis() > 5000) problems.add("slow (" + a.millis() + " ms): " + shortUri);
  }

  @Test
  @DisplayName("path traversal never serves anything outside static/")
  void traversal() throws Exception {
    for (String path : HostileInput.traversalPaths()) {
      Answer a = send(path);
      assertTrue(a.status() < 500, path + " → " + a.status());
      assertFalse(
          a.body().contains("<artifactId>")
              || a.body().contains("root:x:0:0")
              || a.body().contains("<#macro")
              || a.body().contains("<configuration>"),
          path + " leaked a file");
    }
  }
}
