package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Zones;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Station exceptions: added and removed in the desk form, shown in red on the page and in the list")
class StationExceptionsDeskTest {
  static TestPortal portal;
  static DeskClient desk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    desk = DeskClient.login(portal, "alice");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static String get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS).bodyAsString();
  }

  static MultiMap withRows(int version, String... rows) {
    MultiMap f = StationDeskTest.station("exc-test-station", "例外测试社工站");
    f.add("version", String.valueOf(version));
    for (int i = 0; i < rows.length; i += 5) {
      int n = i / 5;
      f.add("ex" + n + "_from", rows[i])
          .add("ex" + n + "_to", rows[i + 1])
          .add("ex" + n + "_reason", rows[i + 2])
          .add("ex" + n + "_hours", rows[i + 3]);
      if (!rows[i + 4].isEmpty()) f.add("ex" + n + "_remove", rows[i + 4]);
    }
    return f;
  }

  @Test
  @DisplayName(
      "an editor adds a closure and special hours, bad rows answer 400 in Chinese, a ticked row is removed")
  void addShowRemove() throws Exception {
    assertEquals(
        303,
        desk.post("/editor/stations", StationDeskTest.station("exc-test-station", "例外测试社工站"))
            .statusCode());
    String id = q("SELECT id FROM stations WHERE slug = 'exc-test-station'");
    assertTrue(
        desk.get("/editor/stations/" + id + "/edit").bodyAsString().contains("name=\"ex0_from\""));
    LocalDate today = LocalDate.now(Zones.CHINA);
    String soonFrom = today.plusDays(2).toString();
    String soonTo = today.plusDays(4).toString();
    String later = today.plusDays(20).toString();

    var bad =
        desk.post("/editor/stations/" + id, withRows(1, soonFrom, soonTo, "设备检修", "乱写的时间", ""));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("临时安排第 1 条：开放时间格式有误"), bad.bodyAsString());
    var backwards =
        desk.post("/editor/stations/" + id, withRows(1, soonTo, soonFrom, "设备检修", "", ""));
    assertEquals(400, backwards.statusCode());
    assertTrue(backwards.bodyAsString().contains("结束日期不能早于开始日期"));
    assertEquals("0", q("SELECT count(*) FROM station_exceptions"));

    var saved =
        desk.post(
            "/editor/stations/" + id,
            withRows(
                1,
                soonFrom,
                soonTo,
                "设备检修",
                "",
                "",
                later,
                later,
                "远期特别安排",
                "09:00-12:00",
                "",
                "",
                "",
                "",
                "",
                ""));
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals("2", q("SELECT count(*) FROM station_exceptions WHERE station_id = " + id));
    assertEquals("2", q("SELECT version FROM stations WHERE id = " + id));

    String page = get("/stations/exc-test-station");
    assertTrue(page.contains("<p class=\"exception-notice\">"), "the red notice on the page");
    assertTrue(page.contains("暂停服务：设备检修"));
    assertFalse(page.contains("远期特别安排"), "an exception three weeks away is not announced yet");
    String list = get("/stations?city=" + URLEncoder.encode("成都市", StandardCharsets.UTF_8));
    assertTrue(
        list.contains("exc-test-station") && list.contains("暂停服务：设备检修"),
        "the red line in the list");
    assertFalse(list.contains("远期特别安排"));
    String form = desk.get("/editor/stations/" + id + "/edit").bodyAsString();
    assertTrue(form.contains("远期特别安排") && form.contains("value=\"09:00-12:00\""));

    var removed =
        desk.post(
            "/editor/stations/" + id,
            withRows(
                2,
                soonFrom,
                soonTo,
                "设备检修",
                "",
                "1",
                later,
                later,
                "远期特别安排",
                "09:00-12:00",
                "",
                "",
                "",
                "",
                "",
                ""));
    assertEquals(303, removed.statusCode());
    assertEquals(
        "远期特别安排",
        q("SELECT string_agg(reason, ',') FROM station_exceptions WHERE station_id = " + id));
    assertFalse(get("/stations/exc-test-station").contains("设备检修"));
    assertEquals(
        "2",
        q("SELECT count(*) FROM audit_log WHERE action = 'station.update' AND entity_id = " + id));
  }
}
