package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The station list and the open-data API through an outage, for pages nobody asked for before:
 * answered from the copy kept in memory with the stations the database gives for them. The database
 * sorts Chinese by pinyin (as a zh_CN server does), so a copy that sorted by itself would fail.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("While PostgreSQL is away the station list and API answer from the copy in memory")
class StationListOutageTest {
  static final String ANHUI = URLEncoder.encode("安徽省", StandardCharsets.UTF_8);
  static final Pattern LISTED =
      Pattern.compile("<a class=\"station-name\" href=\"/stations/([^\"]+)\"");
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.forDatabase(
                vertx,
                TestDatabase.sortingAs("zh"),
                Files.createTempDirectory("portal-index-"),
                Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    for (int i = 0; i < 240 && get("/ready").statusCode() != 200; i++) Thread.sleep(500);
    Object before = portal.verticle().stationsVersion();
    // places, kinds, statuses and names whose pinyin order is not their code-point order; every
    // fifth without a position; the list shows closed stations too
    portal
        .database()
        .exec(
            """
            INSERT INTO stations (slug, name, kind, province, city, district, latitude, longitude,
                                  status, services)
            SELECT 'outage-' || g,
                   (ARRAY['重庆','安徽','Alpha','beta','北京','上海','阿里','中山'])[1 + g % 8] || '社工站' || g,
                   (ARRAY['psych','medical','township'])[1 + g % 3],
                   (ARRAY['安徽省','北京市','重庆市','上海市'])[1 + g % 4],
                   (ARRAY['合肥市','芜湖市'])[1 + g % 2],
                   (ARRAY['蜀山区','包河区','镜湖区'])[1 + g % 3],
                   CASE WHEN g % 5 = 0 THEN NULL ELSE 30 + g * 0.01 END,
                   CASE WHEN g % 5 = 0 THEN NULL ELSE 117 + g * 0.01 END,
                   CASE WHEN g % 7 = 0 THEN 'closed' WHEN g % 11 = 0 THEN 'temporarily_closed'
                        ELSE 'active' END,
                   ARRAY[(ARRAY['心理咨询','危机干预','个案管理'])[1 + g % 3]]
            FROM generate_series(1, 45) g""");
    portal
        .database()
        .exec(
            "INSERT INTO station_exceptions (station_id, starts_on, ends_on, hours, reason) "
                + "SELECT id, current_date, current_date + 3, '', '停电检修' FROM stations "
                + "WHERE kind = 'psych' AND province = '安徽省' "
                + "ORDER BY province, city, district, name, id LIMIT 1");
    for (int i = 0; i < 200 && before.equals(portal.verticle().stationsVersion()); i++)
      Thread.sleep(100);
    assertNotEquals(before, portal.verticle().stationsVersion(), "the feed applied the stations");
    // "near me" answers from the copy of the current version: loaded once this returns
    assertTrue(
        get("/api/stations?near=30.44,117.44&radius_km=0.5").bodyAsString().contains("outage-44"));
  }

  @AfterAll
  static void stop() throws Exception {
    TestDatabase.admin("ALTER DATABASE " + portal.database().name() + " ALLOW_CONNECTIONS true");
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).timeout(15_000).send().await(20, TimeUnit.SECONDS);
  }

  /** The database's list for a WHERE clause, read directly: slugs in its order. */
  static List<String> sql(String where) {
    String slugs =
        portal
            .database()
            .queryOne(
                "SELECT string_agg(slug, ',' ORDER BY province, city, district, name, id) "
                    + "FROM stations WHERE "
                    + where);
    return slugs == null ? List.of() : List.of(slugs.split(","));
  }

  static List<String> page(List<String> all, int offset, int limit) {
    return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
  }

  static List<String> listed(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = LISTED.matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static List<String> provinces(String html) {
    String select = html.substring(html.indexOf("id=\"f-province\""));
    select = select.substring(0, select.indexOf("</select>"));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<option value=\"([^\"]+)\"").matcher(select);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static List<String> slugs(JsonObject body, String array, boolean geo) {
    return body.getJsonArray(array).stream()
        .map(o -> geo ? ((JsonObject) o).getJsonObject("properties") : (JsonObject) o)
        .map(o -> o.getString("slug"))
        .toList();
  }

  static void outage(boolean on) {
    String db = portal.database().name();
    TestDatabase.admin("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + !on);
    if (on) {
      TestDatabase.admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + db
              + "' AND application_name = 'social-work-portal'");
    }
  }

  /** A page or answer during the outage: 200 from a copy, marked stale, within 2 s. */
  static HttpResponse<Buffer> kept(String uri) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<Buffer> r = get(uri);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 2000, uri + " answered in " + ms + " ms");
    assertEquals(200, r.statusCode(), uri + ": " + r.bodyAsString());
    assertEquals("110 - \"stale\"", r.getHeader("Warning"), uri);
    assertNotNull(r.getHeader("X-Portal-Stale"), uri);
    assertEquals("no-store", r.getHeader("Cache-Control"), uri);
    return r;
  }

  @Test
  @DisplayName(
      "list pages, filters and API pages never fetched before answer 200 with the database's stations, "
          + "order and total, a notice and stale headers, within 2 s; free text and open now 503 in Chinese")
  void listsThroughAnOutage() throws Exception {
    List<String> all = sql("TRUE");
    List<String> anhuiPsych = sql("kind = 'psych' AND province = '安徽省'");
    List<String> township = sql("kind = 'township'");
    List<String> byProvince =
        List.of(
            portal
                .database()
                .queryOne(
                    "SELECT string_agg(province, ',' ORDER BY province) FROM "
                        + "(SELECT DISTINCT province FROM stations WHERE province <> '') p")
                .split(","));
    assertTrue(all.size() > 60, "more than three pages: " + all.size());
    assertTrue(anhuiPsych.size() >= 3, "a filter with several stations");
    // the database's own answers before the outage, through other addresses than the ones read
    // later
    JsonObject apiPage2 = get("/api/stations?limit=20&offset=20").bodyAsJsonObject();
    String live = get("/stations?province=" + ANHUI + "&kind=psych").bodyAsString();
    assertEquals(page(all, 20, 20), slugs(apiPage2, "stations", false));
    assertEquals(page(anhuiPsych, 0, 20), listed(live));
    assertTrue(live.contains("停电检修"), "the live page shows the closure");

    outage(true);
    try {
      for (int i = 0; i < 40 && get("/ready").statusCode() != 503; i++) Thread.sleep(100);
      assertEquals(503, get("/ready").statusCode(), "the database is away");

      String first = kept("/stations").bodyAsString();
      assertTrue(first.contains("数据库暂时不可用，以下是 "), "the notice");
      assertTrue(first.contains("临时闭站和临时调整的开放时间暂时无法读取"), "closures cannot be shown");
      assertEquals(page(all, 0, 20), listed(first));
      assertTrue(first.contains("共 " + all.size() + " 个站点"), "the total");
      assertEquals(byProvince, provinces(first), "the province picker, in the database's order");
      assertEquals(page(all, 20, 20), listed(kept("/stations?page=2").bodyAsString()));
      assertEquals(page(all, 60, 20), listed(kept("/stations?page=4").bodyAsString()));

      String filtered = kept("/stations?kind=psych&province=" + ANHUI).bodyAsString();
      assertEquals(listed(live), listed(filtered), "what the database gave for the same filter");
      assertFalse(filtered.contains("停电检修"), "the copy holds no closures");
      assertTrue(filtered.contains("暂时无法读取"), "and says so");

      JsonObject api = kept("/api/stations?offset=20&limit=20").bodyAsJsonObject();
      assertEquals(slugs(apiPage2, "stations", false), slugs(api, "stations", false));
      assertEquals(all.size(), api.getInteger("total"));
      HttpResponse<Buffer> geo = kept("/api/stations.geojson?kind=township&limit=5&offset=2");
      assertTrue(geo.getHeader("Content-Type").startsWith("application/geo+json"));
      assertEquals(page(township, 2, 5), slugs(geo.bodyAsJsonObject(), "features", true));
      assertEquals(township.size(), geo.bodyAsJsonObject().getInteger("total"));

      for (String needsTheDatabase :
          List.of(
              "/stations?q=" + URLEncoder.encode("社工", StandardCharsets.UTF_8),
              "/stations?open_now=true",
              "/api/stations?q=abc",
              "/api/stations?open_now=true")) {
        long t0 = System.nanoTime();
        HttpResponse<Buffer> r = get(needsTheDatabase);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, needsTheDatabase);
        assertEquals(503, r.statusCode(), needsTheDatabase);
        assertTrue(r.bodyAsString().contains("数据库暂时不可用"), "in Chinese: " + needsTheDatabase);
      }
    } finally {
      outage(false);
    }
    int ready = 0;
    for (int i = 0; i < 120 && ready != 200; i++) {
      Thread.sleep(250);
      ready = get("/ready").statusCode();
    }
    assertEquals(200, ready);
    String back = get("/stations?kind=psych&province=" + ANHUI).bodyAsString();
    assertTrue(back.contains("停电检修"), "the closures again");
    assertFalse(back.contains("数据库暂时不可用"));
  }
}
