package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A station's public change history: old → new for public fields, never who")
class StationHistoryTest {
  static TestPortal portal;
  static DeskClient desk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "historyeditor", "editor");
    desk = DeskClient.login(portal, "historyeditor");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static String get(String uri) throws Exception {
    var r = portal.client().get(uri).send().await(30, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), uri);
    return r.bodyAsString();
  }

  static MultiMap station(String name, String phone) {
    return DeskClient.form(
        "id",
        "history-test-station",
        "name",
        name,
        "kind",
        "township",
        "state_province",
        "四川省",
        "city",
        "成都市",
        "district",
        "天府新区",
        "phone",
        phone,
        "schedule",
        "Mo-Fr 09:00-17:00",
        "status",
        "active");
  }

  @Test
  @DisplayName(
      "a station edited and confirmed in the desk shows old → new values and the way it was verified;"
          + " no reporter contact, editor name or private field appears")
  void editedStationShowsPublicChangesOnly() throws Exception {
    assertEquals(
        303, desk.post("/editor/stations", station("历史测试社工站", "028-11112222")).statusCode());
    String id = q("SELECT id FROM stations WHERE slug = 'history-test-station'");
    assertTrue(get("/stations/history-test-station/history").contains("还没有修改过"));
    portal
        .database()
        .exec(
            "INSERT INTO station_reports (station_id, field, correct_value, contact) VALUES ("
                + id
                + ", 'phone', '电话已换成 028-33334444', 'reporter-secret@example.com')");
    var edit = station("历史测试社工站（新址）", "028-33334444");
    edit.add("version", "1");
    assertEquals(303, desk.post("/editor/stations/" + id, edit).statusCode());
    assertEquals(
        303,
        desk.post("/editor/quality/" + id + "/confirm", DeskClient.form("how", "phone"))
            .statusCode());

    String station = get("/stations/history-test-station");
    assertTrue(station.contains("href=\"/stations/history-test-station/history\""), "linked");
    String page = get("/stations/history-test-station/history");
    Matcher phone =
        Pattern.compile(
                "data-field=\"phone\"><th scope=\"row\">电话</th><td><del>028-11112222</del></td>"
                    + "<td><ins>028-33334444</ins></td>")
            .matcher(page);
    assertTrue(phone.find(), page);
    assertTrue(page.contains("<del>历史测试社工站</del>") && page.contains("<ins>历史测试社工站（新址）</ins>"));
    assertTrue(page.contains("编辑修改"), "what kind of change, from the audit log");
    assertTrue(page.contains("确认信息无误（电话核实）"), "how it was verified");
    assertTrue(page.contains("data-field=\"verified_how\""), page);
    for (String secret :
        new String[] {"historyeditor", "reporter-secret", "example.com", "verified_by", "origin"}) {
      assertFalse(page.contains(secret), secret + " must not appear");
    }
    assertEquals(
        "0",
        q(
            "SELECT count(*) FROM station_changes WHERE changes::text LIKE '%historyeditor%' "
                + "OR changes ? 'verified_by' OR changes ? 'origin' OR changes ? 'version'"));
  }

  @Test
  @DisplayName(
      "an unknown station's history is a Chinese 404; a seed station without edits says so")
  void unknownAndUntouched() throws Exception {
    var r =
        portal.client().get("/stations/no-such-station/history").send().await(30, TimeUnit.SECONDS);
    assertEquals(404, r.statusCode());
    assertTrue(r.bodyAsString().contains("没有找到这个服务站点"));
    String slug = q("SELECT slug FROM stations WHERE origin = 'seed' ORDER BY id LIMIT 1");
    assertTrue(get("/stations/" + slug + "/history").contains("还没有修改过"));
  }
}
