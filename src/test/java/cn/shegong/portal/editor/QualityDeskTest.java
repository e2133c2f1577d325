package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
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
@DisplayName(
    "The data-quality loop: what each station lacks, confirming it, and the public line that says so")
class QualityDeskTest {
  static final String SLUG = "jiading-jiangqiao-psych-station";
  static TestPortal portal;
  static DeskClient desk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    DeskClient.addUser(portal.database(), "carol", "contributor");
    desk = DeskClient.login(portal, "alice");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static long id() {
    return Long.parseLong(q("SELECT id FROM stations WHERE slug = '" + SLUG + "'"));
  }

  @Test
  @DisplayName(
      "every station is listed with what it lacks; the counts and region scores agree with SQL; filters and sorts hold")
  void listAgreesWithSql() throws Exception {
    String page = desk.get("/editor/quality").bodyAsString();
    assertEquals(Long.parseLong(q("SELECT count(*) FROM stations")), count(page, "<tr data-slug="));
    assertEquals(
        Long.parseLong(q("SELECT count(*) FROM stations WHERE phone = ''")),
        count(page, "<span class=\"lack\">电话</span>"));
    long noOrg = Long.parseLong(q("SELECT count(*) FROM stations WHERE organization = ''"));
    assertEquals(noOrg, count(page, "<span class=\"lack\">主办单位</span>"));
    String shanghai =
        desk.get("/editor/quality?province=%E4%B8%8A%E6%B5%B7%E5%B8%82&kind=psych&sort=views")
            .bodyAsString();
    assertEquals(
        Long.parseLong(
            q("SELECT count(*) FROM stations WHERE province = '上海市' AND kind = 'psych'")),
        count(shanghai, "<tr data-slug="));
    String regionPercent =
        q(
            "SELECT round(avg((organization <> '')::int + (cardinality(services) > 0)::int "
                + "+ (location_precision = 'exact')::int) * 100 / 6)::int FROM stations WHERE province = '上海市' AND kind = 'psych'");
    assertTrue(
        shanghai.contains("<td>" + regionPercent + "%</td>"),
        "the region's score " + regionPercent);
    assertEquals(400, desk.get("/editor/quality?sort=drop").statusCode());
    assertEquals(403, DeskClient.login(portal, "carol").get("/editor/quality").statusCode());
  }

  @Test
  @DisplayName(
      "确认信息无误 sets the date, who and how; the station page says 最后核实 with the date, once, and drops 待核实")
  void confirm() throws Exception {
    String before =
        portal.client().get("/stations/" + SLUG).send().await(30, TimeUnit.SECONDS).bodyAsString();
    assertTrue(before.contains("待核实"), "never confirmed: due");
    assertEquals(1, before.split("尚未核实", -1).length - 1, "said once");
    assertEquals(
        400,
        desk.post("/editor/quality/" + id() + "/confirm", DeskClient.form("how", "guess"))
            .statusCode());
    assertEquals(
        303,
        desk.post("/editor/quality/" + id() + "/confirm", DeskClient.form("how", "visit"))
            .statusCode());
    assertEquals(
        "t",
        q(
            "SELECT verified_at = (now() AT TIME ZONE 'Asia/Shanghai')::date FROM stations WHERE slug = '"
                + SLUG
                + "'"));
    assertEquals(
        "alice visit",
        q("SELECT verified_by || ' ' || verified_how FROM stations WHERE slug = '" + SLUG + "'"));
    assertEquals("1", q("SELECT count(*) FROM audit_log WHERE action = 'station.verify.visit'"));
    String after =
        portal.client().get("/stations/" + SLUG).send().await(30, TimeUnit.SECONDS).bodyAsString();
    assertTrue(after.contains("最后核实：今天（实地走访）"), after);
    String today = java.time.LocalDate.now(cn.shegong.portal.common.Zones.CHINA).toString();
    assertEquals(1, after.split(">" + today + "</time>", -1).length - 1, "the date, once");
    assertFalse(after.contains("尚未核实"));
    assertFalse(after.contains("待核实"));
    portal
        .database()
        .exec("UPDATE stations SET verified_at = verified_at - 200 WHERE slug = '" + SLUG + "'");
    String old =
        portal.client().get("/stations/" + SLUG).send().await(30, TimeUnit.SECONDS).bodyAsString();
    assertTrue(old.contains("最后核实：200 天前（实地走访）") && old.contains("待核实"));
  }

  @Test
  @DisplayName("page views are counted per station and day only, and shown for the last 30 days")
  void viewsAggregateOnly() throws Exception {
    String slug = "jiading-anting-psych-station";
    String sid = q("SELECT id FROM stations WHERE slug = '" + slug + "'");
    if (sid == null) {
      slug = q("SELECT slug FROM stations WHERE slug <> '" + SLUG + "' ORDER BY slug LIMIT 1");
      sid = q("SELECT id FROM stations WHERE slug = '" + slug + "'");
    }
    for (int i = 0; i < 3; i++)
      portal.client().get("/stations/" + slug).send().await(30, TimeUnit.SECONDS);
    assertEquals("3", q("SELECT sum(views) FROM station_page_views WHERE station_id = " + sid));
    assertEquals(
        "station_id,day,views",
        q(
            "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                + "FROM information_schema.columns WHERE table_name = 'station_page_views'"));
    portal
        .database()
        .exec("INSERT INTO station_page_views VALUES (" + sid + ", current_date - 40, 50)");
    String page = desk.get("/editor/quality?sort=views").bodyAsString();
    Matcher m =
        Pattern.compile(
                "<tr data-slug=\""
                    + slug
                    + "\">.*?</td>\\s*<td>\\d+%</td>\\s*<td>.*?</td>\\s*<td>\\d+</td><td>(\\d+)</td>",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(m.find(), "the row of " + slug);
    assertEquals("3", m.group(1), "views older than 30 days do not count");
  }

  static long count(String text, String needle) {
    long n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
