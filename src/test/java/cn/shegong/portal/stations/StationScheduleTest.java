package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "GET /api/stations/{slug}/schedule and the station page's next 7 days, against the State Council calendar")
class StationScheduleTest {
  static final String WEEKLY = "jiading-jiangqiao-psych-station";
  static final String WITH_PH = "jiading-industrial-zone-jingkang-station";
  static final String UNKNOWN = "hubei-cancer-hospital-medical-social-work";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    var db = portal.database();
    db.exec(
        "UPDATE stations SET opening_hours = '[{\"syntax\": \"Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00\"}]' WHERE slug = '"
            + WEEKLY
            + "'");
    db.exec(
        "UPDATE stations SET opening_hours = '[{\"syntax\": \"Mo-Su 09:00-17:00; PH 10:00-14:00\"}]' WHERE slug = '"
            + WITH_PH
            + "'");
    db.exec(
        "INSERT INTO station_exceptions (station_id, starts_on, ends_on, hours, reason) SELECT id, '2026-09-28', '2026-09-29', '', '设备检修' "
            + "FROM stations WHERE slug = '"
            + WEEKLY
            + "'");
    db.exec(
        "INSERT INTO station_exceptions (station_id, starts_on, ends_on, hours, reason) SELECT id, current_date, current_date + 1, "
            + "'10:00-12:00', '人员外出培训，仅上午开放' FROM stations WHERE slug = '"
            + WITH_PH
            + "'");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static JsonObject schedule(String slug, String query) throws Exception {
    var r =
        portal
            .client()
            .get("/api/stations/" + slug + "/schedule" + query)
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject day(JsonObject s, String date) {
    return s.getJsonArray("days").stream()
        .map(o -> (JsonObject) o)
        .filter(d -> d.getString("date").equals(date))
        .findFirst()
        .orElseThrow();
  }

  static String spans(JsonObject day) {
    JsonArray a = day.getJsonArray("intervals");
    return a == null
        ? null
        : String.join(
            ",",
            a.stream()
                .map(
                    o ->
                        ((JsonObject) o).getString("open")
                            + "-"
                            + ((JsonObject) o).getString("close"))
                .toList());
  }

  @Test
  @DisplayName(
      "a weekend, an adjusted working Sunday, 中秋节 and 国庆节 closed, an exception with its reason")
  void weekly() throws Exception {
    JsonObject s = schedule(WEEKLY, "?from=2026-09-19&days=13");
    assertEquals(WEEKLY, s.getString("slug"));
    assertEquals("Asia/Shanghai", s.getString("timezone"));
    assertEquals(13, s.getJsonArray("days").size());
    assertEquals("weekend", day(s, "2026-09-19").getString("day_type"));
    assertEquals("09:00-12:00", spans(day(s, "2026-09-19")));
    JsonObject adjusted = day(s, "2026-09-20");
    assertEquals("adjusted_workday", adjusted.getString("day_type"));
    assertEquals("09:00-12:00,13:30-17:30", spans(adjusted));
    assertEquals(true, adjusted.getBoolean("open"));
    JsonObject midAutumn = day(s, "2026-09-25");
    assertEquals("holiday", midAutumn.getString("day_type"));
    assertEquals("中秋节", midAutumn.getString("holiday"));
    assertEquals("", spans(midAutumn));
    assertEquals(false, midAutumn.getBoolean("open"));
    JsonObject closed = day(s, "2026-09-28");
    assertEquals("设备检修", closed.getString("note"));
    assertEquals(false, closed.getBoolean("open"));
    assertEquals("workday", day(s, "2026-09-30").getString("day_type"));
    assertNull(day(s, "2026-09-30").getValue("note"));
    assertEquals("国庆节", day(s, "2026-10-01").getString("holiday"));
    assertEquals(false, day(s, "2026-10-01").getBoolean("open"));
  }

  @Test
  @DisplayName("a PH rule opens on the holiday; unknown hours give null intervals and null open")
  void phAndUnknown() throws Exception {
    assertEquals(
        "10:00-14:00", spans(day(schedule(WITH_PH, "?from=2026-10-01&days=1"), "2026-10-01")));
    JsonObject unknown =
        schedule(UNKNOWN, "?from=2026-10-01").getJsonArray("days").getJsonObject(0);
    assertEquals(
        7, schedule(UNKNOWN, "?from=2026-10-01").getJsonArray("days").size(), "7 days by default");
    assertTrue(unknown.containsKey("intervals") && unknown.getValue("intervals") == null);
    assertTrue(unknown.containsKey("open") && unknown.getValue("open") == null);
  }

  @Test
  @DisplayName("bad from or days is a JSON 400, an unknown station a 404")
  void refused() throws Exception {
    for (String q :
        new String[] {"?days=0", "?days=32", "?days=x", "?from=2026-13-01", "?from=yesterday"}) {
      var r =
          portal
              .client()
              .get("/api/stations/" + WEEKLY + "/schedule" + q)
              .send()
              .await(20, TimeUnit.SECONDS);
      assertEquals(400, r.statusCode(), q);
      assertTrue(r.bodyAsJsonObject().getString("error").length() > 0);
    }
    assertEquals(
        404,
        portal
            .client()
            .get("/api/stations/no-such/schedule")
            .send()
            .await(20, TimeUnit.SECONDS)
            .statusCode());
  }

  @Test
  @DisplayName("the station page shows the next 7 days, with the exception in red")
  void page() throws Exception {
    String html =
        portal
            .client()
            .get("/stations/" + WITH_PH)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(html.contains("未来 7 天"));
    assertTrue(html.contains("<span class=\"exception-note\">人员外出培训，仅上午开放</span>"), html);
    assertTrue(html.contains("10:00–12:00"));
    String weekly =
        portal
            .client()
            .get("/stations/" + WEEKLY)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(weekly.contains("周一至周五 09:00–12:00、13:30–17:30"), "the weekly rules in Chinese");
  }
}
