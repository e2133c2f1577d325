package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Open data: /api/stations as JSON, GeoJSON and CSV")
class StationApiTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static JsonObject json(String uri) throws Exception {
    var r = get(uri);
    assertEquals(200, r.statusCode(), uri);
    return new JsonObject(r.bodyAsString());
  }

  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  @Test
  @DisplayName("the default answer has the total, 50 at most, and each station's documented fields")
  void defaults() throws Exception {
    JsonObject body = json("/api/stations");
    assertEquals(32, body.getLong("total"));
    JsonArray list = body.getJsonArray("stations");
    assertEquals(32, list.size());
    JsonObject s =
        list.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getString("slug").equals("jiading-jiangqiao-psych-station"))
            .findFirst()
            .orElseThrow();
    for (String field :
        new String[] {
          "id", "slug", "name", "kind", "latitude", "longitude", "address", "phone", "url"
        }) {
      assertTrue(s.containsKey(field), field);
    }
    assertEquals("psych", s.getString("kind"));
    assertEquals(31.247, s.getDouble("latitude"), 1e-9);
    assertTrue(s.getString("url").endsWith("/stations/jiading-jiangqiao-psych-station"));
    assertTrue(!s.containsKey("distance_km"), "no distance without near");
    assertEquals(2, json("/api/stations?limit=5&offset=30").getJsonArray("stations").size());
    assertEquals(5, json("/api/stations?limit=5").getJsonArray("stations").size());
  }

  @Test
  @DisplayName(
      "kind and province filter; near orders by distance and radius_km keeps exactly those within it")
  void filtersAndDistance() throws Exception {
    JsonObject medical = json("/api/stations?kind=medical");
    assertEquals(6, medical.getLong("total"));
    medical
        .getJsonArray("stations")
        .forEach(o -> assertEquals("medical", ((JsonObject) o).getString("kind")));
    assertEquals(
        5, json("/api/stations?province=%E5%8C%97%E4%BA%AC%E5%B8%82").getLong("total"), "北京市");

    JsonArray near = json("/api/stations?near=39.9,116.4&limit=1000").getJsonArray("stations");
    assertEquals(32, near.size());
    assertEquals("beijing-tongren-hospital", near.getJsonObject(0).getString("slug"));
    double previous = -1;
    for (Object o : near) {
      JsonObject s = (JsonObject) o;
      double d = s.getDouble("distance_km");
      assertTrue(d >= previous, "ascending distance");
      assertEquals(
          haversineKm(39.9, 116.4, s.getDouble("latitude"), s.getDouble("longitude")), d, 0.01);
      previous = d;
    }
    JsonObject within = json("/api/stations?near=39.9,116.4&radius_km=10&limit=1000");
    long expected =
        near.stream()
            .map(JsonObject.class::cast)
            .filter(s -> s.getDouble("distance_km") <= 10)
            .count();
    assertEquals(expected, within.getLong("total"));
    assertEquals(expected, within.getJsonArray("stations").size());
    assertTrue(
        expected >= 3 && expected < 32,
        "some Beijing stations, nothing from elsewhere: " + expected);
  }

  @Test
  @DisplayName(
      "nearest first is exact: from 200 random points, the first five are the five nearest by haversine, "
          + "also with a kind filter and an offset")
  void nearestIsExact() throws Exception {
    JsonArray all = json("/api/stations?limit=1000").getJsonArray("stations");
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 200; i++) {
      double lat = 18 + random.nextDouble() * 30;
      double lon = 85 + random.nextDouble() * 40;
      String kind = i % 3 == 0 ? "&kind=township" : "";
      int offset = i % 4 == 0 ? 3 : 0;
      List<String> expected =
          all.stream()
              .map(JsonObject.class::cast)
              .filter(s -> kind.isEmpty() || "township".equals(s.getString("kind")))
              .sorted(
                  java.util.Comparator.<JsonObject>comparingDouble(
                          s ->
                              haversineKm(
                                  lat, lon, s.getDouble("latitude"), s.getDouble("longitude")))
                      .thenComparing(s -> s.getLong("id")))
              .skip(offset)
              .limit(5)
              .map(s -> s.getString("slug"))
              .toList();
      String uri =
          String.format(
              java.util.Locale.ROOT,
              "/api/stations?near=%.5f,%.5f&limit=5&offset=%d%s",
              lat,
              lon,
              offset,
              kind);
      List<String> got =
          json(uri).getJsonArray("stations").stream()
              .map(o -> ((JsonObject) o).getString("slug"))
              .toList();
      assertEquals(expected, got, uri);
    }
  }

  @Test
  @DisplayName(
      "near without a radius counts every located station of the filter, the same from any point, "
          + "and the reused count follows a station added elsewhere within 2 s")
  void nearCountFollowsChanges() throws Exception {
    long beijing = json("/api/stations?near=39.9,116.4&kind=psych").getLong("total");
    assertEquals(
        beijing,
        json("/api/stations?near=22.5,114.0&kind=psych").getLong("total"),
        "independent of the point");
    assertEquals(
        Long.parseLong(
            portal
                .database()
                .queryOne(
                    "SELECT count(*) FROM stations WHERE kind = 'psych' AND latitude IS NOT NULL")),
        beijing);
    portal
        .database()
        .exec(
            "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                + "VALUES ('count-check-station', '计数检查站', 'psych', 30.1, 120.2)");
    try {
      long deadline = System.currentTimeMillis() + 2000;
      long now = beijing;
      while (now == beijing && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        now = json("/api/stations?near=39.9,116.4&kind=psych").getLong("total");
      }
      assertEquals(beijing + 1, now);
    } finally {
      portal.database().exec("DELETE FROM stations WHERE slug = 'count-check-station'");
    }
    // the other tests count the seeds: wait until the deletion has reached the kept copy too
    long deadline = System.currentTimeMillis() + 5000;
    while (json("/api/stations?near=39.9,116.4&kind=psych").getLong("total") != beijing
        && System.currentTimeMillis() < deadline) Thread.sleep(50);
    assertEquals(beijing, json("/api/stations?near=39.9,116.4&kind=psych").getLong("total"));
  }

  static String firstNear(String near) throws Exception {
    JsonArray list = json("/api/stations?limit=1&near=" + near).getJsonArray("stations");
    return list.isEmpty()
        ? ""
        : list.getJsonObject(0).getString("slug") + " " + list.getJsonObject(0).getString("name");
  }

  static void awaitFirstNear(String near, String expected) throws Exception {
    long deadline = System.currentTimeMillis() + 2000;
    String now = firstNear(near);
    while (!now.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      now = firstNear(near);
    }
    assertEquals(expected, now, "nearest to " + near);
  }

  @Test
  @DisplayName(
      "a station added, moved, renamed and deleted elsewhere shows in \"near me\" within 2 s each time")
  void nearFollowsChanges() throws Exception {
    String before = firstNear("45.0,85.0");
    assertTrue(!before.startsWith("moving-station"), before);
    portal
        .database()
        .exec(
            "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                + "VALUES ('moving-station', '移动检查站', 'township', 45.0, 85.0)");
    try {
      awaitFirstNear("45.0,85.0", "moving-station 移动检查站");
      portal
          .database()
          .exec(
              "UPDATE stations SET name = '已迁址检查站', latitude = 20.0, longitude = 110.0 "
                  + "WHERE slug = 'moving-station'");
      awaitFirstNear("20.0,110.0", "moving-station 已迁址检查站");
      awaitFirstNear("45.0,85.0", before);
    } finally {
      portal.database().exec("DELETE FROM stations WHERE slug = 'moving-station'");
    }
    awaitFirstNear("20.0,110.0", firstNearWithout());
  }

  /**
   * What is nearest to 20.0,110.0 among the seeds, computed here rather than asked of the portal.
   */
  static String firstNearWithout() throws Exception {
    return json("/api/stations?limit=1000").getJsonArray("stations").stream()
        .map(JsonObject.class::cast)
        .filter(s -> s.getDouble("latitude") != null)
        .min(
            java.util.Comparator.<JsonObject>comparingDouble(
                    s ->
                        haversineKm(20.0, 110.0, s.getDouble("latitude"), s.getDouble("longitude")))
                .thenComparing(s -> s.getLong("id")))
        .map(s -> s.getString("slug") + " " + s.getString("name"))
        .orElse("");
  }

  @Test
  @DisplayName(
      "the GeoJSON is a FeatureCollection of Points in [longitude, latitude] with the same filters")
  void geojson() throws Exception {
    var r = get("/api/stations.geojson?kind=psych");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("application/geo+json"));
    JsonObject fc = new JsonObject(r.bodyAsString());
    assertEquals("FeatureCollection", fc.getString("type"));
    JsonArray features = fc.getJsonArray("features");
    assertEquals(4, features.size());
    for (Object o : features) {
      JsonObject f = (JsonObject) o;
      assertEquals("Feature", f.getString("type"));
      assertEquals("Point", f.getJsonObject("geometry").getString("type"));
      JsonArray c = f.getJsonObject("geometry").getJsonArray("coordinates");
      assertTrue(
          c.getDouble(0) > 120 && c.getDouble(1) > 30 && c.getDouble(1) < 32,
          "lon first, then lat: " + c);
      assertEquals("psych", f.getJsonObject("properties").getString("kind"));
      assertNotNull(f.getJsonObject("properties").getString("name"));
    }
  }

  @Test
  @DisplayName(
      "the CSV parses with common/Csv, has the HSDS-aligned header and reads back as valid stations")
  void csv() throws Exception {
    var r = get("/api/stations.csv");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/csv"));
    List<Csv.Record> records = Csv.parse(r.bodyAsString());
    assertEquals(StationCsvFormat.COLUMNS, records.get(0).fields());
    assertTrue(
        records
            .get(0)
            .fields()
            .containsAll(
                List.of(
                    "id",
                    "name",
                    "description",
                    "latitude",
                    "longitude",
                    "address_1",
                    "city",
                    "state_province")));
    assertEquals(33, records.size());
    for (Csv.Record rec : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < StationCsvFormat.COLUMNS.size(); i++)
        row.put(StationCsvFormat.COLUMNS.get(i), rec.fields().get(i));
      assertTrue(StationCsvFormat.parse(row).ok(), "row " + rec.line() + " reads back");
    }
    assertEquals(
        7, Csv.parse(get("/api/stations.csv?kind=medical&near=39.9,116.4").bodyAsString()).size());
  }

  @Test
  @DisplayName("all three answer ETag and Cache-Control, and 304 when If-None-Match matches")
  void caching() throws Exception {
    for (String uri :
        new String[] {"/api/stations?kind=psych", "/api/stations.geojson", "/api/stations.csv"}) {
      var first = get(uri);
      String etag = first.getHeader("ETag");
      assertNotNull(etag, uri);
      assertTrue(first.getHeader("Cache-Control").contains("max-age"), uri);
      var again =
          portal
              .client()
              .get(uri)
              .putHeader("If-None-Match", etag)
              .send()
              .await(20, TimeUnit.SECONDS);
      assertEquals(304, again.statusCode(), uri);
      assertEquals(etag, again.getHeader("ETag"));
      var other =
          portal
              .client()
              .get(uri)
              .putHeader("If-None-Match", "\"something-else\"")
              .send()
              .await(20, TimeUnit.SECONDS);
      assertEquals(200, other.statusCode(), uri);
    }
    assertTrue(
        !get("/api/stations?kind=psych")
            .getHeader("ETag")
            .equals(get("/api/stations?kind=medical").getHeader("ETag")));
  }

  @Test
  @DisplayName("bad input is a 400 JSON error with a Chinese message, never a 500")
  void badInput() throws Exception {
    String[] uris = {
      "/api/stations?limit=0",
      "/api/stations?limit=1001",
      "/api/stations?limit=abc",
      "/api/stations?offset=-1",
      "/api/stations?kind=clinic",
      "/api/stations?near=1,2,3",
      "/api/stations?near=100,100",
      "/api/stations?near=30,120&radius_km=0",
      "/api/stations?near=30,120&radius_km=5000",
      "/api/stations.geojson?kind=x",
      "/api/stations.csv?near=x"
    };
    for (String uri : uris) {
      var r = get(uri);
      assertEquals(400, r.statusCode(), uri);
      JsonObject error = new JsonObject(r.bodyAsString());
      assertEquals(400, error.getInteger("status"), uri);
      assertTrue(error.getString("error").startsWith("参数"), uri + ": " + error.getString("error"));
    }
  }
}
