package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The station editor API: GET and PUT /api/editor/stations/{slug} with a bearer token")
class StationEditorApiTest {
  static final String SLUG = "jiading-jiangqiao-psych-station";
  static final String URI = "/api/editor/stations/" + SLUG;
  static TestPortal portal;
  static String editor;
  static String contributor;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "stationdesk", "editor");
    DeskClient.addUser(portal.database(), "writer", "contributor");
    editor = ApiTokenFixture.create(portal, "stationdesk");
    contributor = ApiTokenFixture.create(portal, "writer");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> call(HttpMethod method, String uri, String bearer, Object body)
      throws Exception {
    var req = portal.client().request(method, uri);
    if (bearer != null) req.putHeader("Authorization", "Bearer " + bearer);
    var f =
        body == null
            ? req.send()
            : body instanceof JsonObject j ? req.sendJsonObject(j) : req.sendBuffer((Buffer) body);
    return f.await(60, TimeUnit.SECONDS);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static int version() throws Exception {
    return call(HttpMethod.GET, URI, editor, null).bodyAsJsonObject().getInteger("version");
  }

  @Test
  @DisplayName(
      "GET answers the record with its version and exceptions; 401 without a token, 404 for an unknown slug")
  void read() throws Exception {
    var r = call(HttpMethod.GET, URI, contributor, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject s = r.bodyAsJsonObject();
    assertEquals(SLUG, s.getString("slug"));
    assertTrue(s.getValue("version") instanceof Integer);
    assertTrue(s.getValue("exceptions") instanceof JsonArray);
    assertEquals("psych", s.getString("kind"));
    assertEquals(401, call(HttpMethod.GET, URI, null, null).statusCode());
    assertEquals(401, call(HttpMethod.GET, URI, "sgt_nonsense", null).statusCode());
    var missing = call(HttpMethod.GET, "/api/editor/stations/no-such-station", editor, null);
    assertEquals(404, missing.statusCode());
    assertEquals(404, missing.bodyAsJsonObject().getInteger("status"));
    var put =
        call(
            HttpMethod.PUT,
            "/api/editor/stations/no-such-station",
            editor,
            new JsonObject().put("version", 1).put("phone", "021-1"));
    assertEquals(404, put.statusCode());
  }

  @Test
  @DisplayName("a contributor's PUT is 403 and changes nothing (the refusal is audited)")
  void contributorRefused() throws Exception {
    String before = q("SELECT version FROM stations WHERE slug = '" + SLUG + "'");
    var r =
        call(
            HttpMethod.PUT,
            URI,
            contributor,
            new JsonObject().put("version", version()).put("phone", "021-00000000"));
    assertEquals(403, r.statusCode());
    assertEquals(before, q("SELECT version FROM stations WHERE slug = '" + SLUG + "'"));
    assertTrue(
        Integer.parseInt(
                q(
                    "SELECT count(*) FROM audit_log WHERE actor = 'writer' AND action = 'access.refused'"))
            > 0);
  }

  @Test
  @DisplayName(
      "unknown fields, bad types, bad JSON and a missing version answer 400 with reasons; nothing is saved")
  void badRequests() throws Exception {
    int v = version();
    String before = q("SELECT version FROM stations WHERE slug = '" + SLUG + "'");
    for (JsonObject body :
        new JsonObject[] {
          new JsonObject().put("version", v).put("name", "改名"),
          new JsonObject().put("version", v).put("phone", 12345),
          new JsonObject().put("version", v).put("latitude", "31.2"),
          new JsonObject().put("version", v).put("services", "心理咨询"),
          new JsonObject().put("version", v).put("status", "open"),
          new JsonObject().put("version", v).put("latitude", 95.0).put("longitude", 121.0),
          new JsonObject()
              .put("version", v)
              .put(
                  "exceptions",
                  new JsonArray()
                      .add(new JsonObject().put("from", "2026-10-01").put("reason", "x"))),
          new JsonObject().put("phone", "021-1"),
          new JsonObject().put("version", "3").put("phone", "021-1")
        }) {
      var r = call(HttpMethod.PUT, URI, editor, body);
      assertEquals(400, r.statusCode(), body.encode() + " → " + r.bodyAsString());
      assertEquals(400, r.bodyAsJsonObject().getInteger("status"));
    }
    assertEquals(400, call(HttpMethod.PUT, URI, editor, Buffer.buffer("{not json")).statusCode());
    assertTrue(
        call(HttpMethod.PUT, URI, editor, new JsonObject().put("version", v).put("name", "x"))
            .bodyAsJsonObject()
            .getString("error")
            .contains("未知字段：name"));
    assertEquals(before, q("SELECT version FROM stations WHERE slug = '" + SLUG + "'"));
  }

  @Test
  @DisplayName("invalid hours answer 400 with the hours parser's Chinese message")
  void invalidHours() throws Exception {
    var r =
        call(
            HttpMethod.PUT,
            URI,
            editor,
            new JsonObject().put("version", version()).put("opening_hours", "Mo-Fr 9点到17点"));
    assertEquals(400, r.statusCode());
    String error = r.bodyAsJsonObject().getString("error");
    assertTrue(error.startsWith("opening_hours：开放时间格式有误"), error);
    var ex =
        call(
            HttpMethod.PUT,
            URI,
            editor,
            new JsonObject()
                .put("version", version())
                .put(
                    "exceptions",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("from", "2026-10-01")
                                .put("to", "2026-10-02")
                                .put("reason", "特别安排")
                                .put("hours", "25:00-26:00"))));
    assertEquals(400, ex.statusCode());
    assertTrue(
        ex.bodyAsJsonObject().getString("error").contains("exceptions[0]：开放时间"), ex.bodyAsString());
  }

  @Test
  @DisplayName(
      "a PUT saves, is audited, answers the new version; a stale version answers 409 with the current record")
  void updateAndConflict() throws Exception {
    int v = version();
    JsonObject body =
        new JsonObject()
            .put("version", v)
            .put("opening_hours", "Mo-Fr 09:00-17:00; PH off")
            .put("target_groups", new JsonArray().add("社区居民"))
            .put(
                "exceptions",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("from", "2026-10-01")
                            .put("to", "2026-10-07")
                            .put("reason", "国庆节装修")
                            .put("closed", true))
                    .add(
                        new JsonObject()
                            .put("from", "2026-12-24")
                            .put("to", "2026-12-24")
                            .put("reason", "平安夜提前结束")
                            .put("hours", "09:00-12:00")));
    var r = call(HttpMethod.PUT, URI, editor, body);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject s = r.bodyAsJsonObject();
    assertEquals(v + 1, s.getInteger("version"));
    assertEquals("Mo-Fr 09:00-17:00; PH off", s.getString("opening_hours"));
    assertEquals(new JsonArray().add("社区居民"), s.getJsonArray("target_groups"));
    assertEquals(2, s.getJsonArray("exceptions").size());
    assertEquals(true, s.getJsonArray("exceptions").getJsonObject(0).getBoolean("closed"));
    assertEquals("09:00-12:00", s.getJsonArray("exceptions").getJsonObject(1).getString("hours"));
    assertEquals("江桥镇心理健康社工站", s.getString("name"), "fields not sent are kept");
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE actor = 'stationdesk' AND action = 'station.update' "
                + "AND detail->>'via' = 'api' AND detail->'fields' ? 'exceptions'"));
    var schedule =
        call(
                HttpMethod.GET,
                "/api/stations/" + SLUG + "/schedule?from=2026-10-01&days=1",
                null,
                null)
            .bodyAsJsonObject();
    assertEquals("国庆节装修", schedule.getJsonArray("days").getJsonObject(0).getString("note"));

    var stale = call(HttpMethod.PUT, URI, editor, body.copy().put("phone", "021-99999999"));
    assertEquals(409, stale.statusCode());
    JsonObject conflict = stale.bodyAsJsonObject();
    assertEquals(v + 1, conflict.getInteger("current_version"));
    assertEquals(v + 1, conflict.getJsonObject("current").getInteger("version"));
    assertEquals(2, conflict.getJsonObject("current").getJsonArray("exceptions").size());
    assertEquals("", q("SELECT phone FROM stations WHERE slug = '" + SLUG + "'"));
  }

  @Test
  @DisplayName("after a PUT the public page, near me and search show the new values within 2 s")
  void publicFollows() throws Exception {
    JsonObject body =
        new JsonObject()
            .put("version", version())
            .put("phone", "021-69990001")
            .put("organization", "澜沧江测试服务中心")
            .put("latitude", 25.123)
            .put("longitude", 100.456)
            .put("location_precision", "exact");
    var r = call(HttpMethod.PUT, URI, editor, body);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    long start = System.nanoTime();
    waitFor("/stations/" + SLUG, b -> b.contains("021-69990001"), start);
    waitFor(
        "/api/stations?near=25.123,100.456&radius_km=2",
        b ->
            new JsonObject(b)
                .getJsonArray("stations").stream()
                    .anyMatch(o -> SLUG.equals(((JsonObject) o).getString("slug"))),
        start);
    waitFor(
        "/api/search?q=%E6%BE%9C%E6%B2%A7%E6%B1%9F%E6%B5%8B%E8%AF%95%E6%9C%8D%E5%8A%A1%E4%B8%AD%E5%BF%83",
        b -> b.contains("/stations/" + SLUG), start);
  }

  static void waitFor(String uri, Predicate<String> ok, long startNanos) throws Exception {
    String last = "";
    while (System.nanoTime() - startNanos < 2_000_000_000L) {
      var r = call(HttpMethod.GET, uri, null, null);
      last = r.bodyAsString();
      if (r.statusCode() == 200 && ok.test(last)) return;
      Thread.sleep(50);
    }
    throw new AssertionError(
        "not within 2 s: " + uri + " → " + last.substring(0, Math.min(500, last.length())));
  }
}
