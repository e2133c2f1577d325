package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The help lines desk: admins add, edit, retire help lines and edit the crisis words")
class HelplineDeskTest {
  static TestPortal portal;
  static DeskClient admin;
  static DeskClient editor;
  static DeskClient contributor;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "root", "admin");
    DeskClient.addUser(portal.database(), "ed", "editor");
    DeskClient.addUser(portal.database(), "con", "contributor");
    admin = DeskClient.login(portal, "root");
    editor = DeskClient.login(portal, "ed");
    contributor = DeskClient.login(portal, "con");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static MultiMap line(String id, String number, String hours, String source) {
    return DeskClient.form(
        "id",
        id,
        "name",
        "测试市心理援助热线",
        "number",
        number,
        "scope",
        "city",
        "region",
        "测试市",
        "kinds",
        "psych;crisis",
        "hours",
        hours,
        "source_url",
        source,
        "checked",
        "2026-12-01");
  }

  static JsonObject api(String query) throws Exception {
    return portal
        .client()
        .get("/api/helplines" + query)
        .send()
        .await(20, TimeUnit.SECONDS)
        .bodyAsJsonObject();
  }

  static boolean listed(String query, String id) throws Exception {
    return api(query).getJsonArray("helplines").stream()
        .anyMatch(o -> id.equals(((JsonObject) o).getString("id")));
  }

  @Test
  @DisplayName(
      "editors and contributors get 403 on every help line page and change nothing; the refusals are audited")
  void othersRefused() throws Exception {
    for (DeskClient who : new DeskClient[] {editor, contributor}) {
      assertEquals(403, who.get("/editor/helplines").statusCode());
      assertEquals(403, who.get("/editor/helplines/new").statusCode());
      assertEquals(
          403,
          who.post(
                  "/editor/helplines", line("refused-line", "021-1234", "", "https://example.org/"))
              .statusCode());
      assertEquals(
          403, who.post("/editor/helplines/police-110/retire", DeskClient.form()).statusCode());
      assertEquals(
          403, who.post("/editor/helplines/words", DeskClient.form("words", "拒绝")).statusCode());
    }
    assertEquals("0", q("SELECT count(*) FROM helplines WHERE id = 'refused-line'"));
    assertEquals(
        "0",
        q("SELECT count(*) FROM helplines WHERE retired_at IS NOT NULL AND id = 'police-110'"));
    assertEquals("0", q("SELECT count(*) FROM crisis_words WHERE word = '拒绝'"));
    assertTrue(
        Integer.parseInt(
                q(
                    "SELECT count(*) FROM audit_log WHERE action = 'access.refused' AND actor IN ('ed', 'con') "
                        + "AND detail->>'permission' = 'MANAGE_HELPLINES'"))
            >= 10);
    assertFalse(editor.get("/editor/articles").bodyAsString().contains("/editor/helplines"));
    assertTrue(admin.get("/editor/articles").bodyAsString().contains("/editor/helplines"));
  }

  @Test
  @DisplayName(
      "a form without its CSRF token is 403; invalid hours answer 400 with the parser's Chinese message; a line without its source is refused")
  void invalidInput() throws Exception {
    var noCsrf =
        admin.postRaw("/editor/helplines", line("no-csrf", "021-5555", "", "https://example.org/"));
    assertEquals(403, noCsrf.statusCode());
    var bad =
        admin.post(
            "/editor/helplines", line("bad-hours", "021-5555", "周一到周五", "https://example.org/"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("开放时间格式有误"), bad.bodyAsString());
    var noSource = admin.post("/editor/helplines", line("no-source", "021-5555", "", ""));
    assertEquals(400, noSource.statusCode());
    assertTrue(noSource.bodyAsString().contains("来源必须是"));
    assertEquals(
        "0", q("SELECT count(*) FROM helplines WHERE id IN ('bad-hours', 'no-source', 'no-csrf')"));
  }

  @Test
  @DisplayName(
      "an admin adds, edits (409 on a stale version) and retires a line; each is audited and /api/helplines follows at once")
  void lifecycle() throws Exception {
    String id = "test-city-line";
    var created =
        admin.post(
            "/editor/helplines",
            line(id, "021-6000 1234", "Mo-Fr 09:00-17:00; PH off", "https://example.org/src"));
    assertEquals(303, created.statusCode(), created.bodyAsString());
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE actor = 'root' AND action = 'helpline.create' AND detail->>'id' = '"
                + id
                + "'"));
    String region = "?region=" + URLEncoder.encode("测试市", StandardCharsets.UTF_8);
    assertTrue(listed(region, id));
    assertFalse(listed("", id), "a city line is not listed without its region");
    assertTrue(admin.get("/editor/helplines").bodyAsString().contains("021-6000 1234"));

    var edit = line(id, "021-6000 9999", "24/7", "https://example.org/src2");
    edit.add("version", "1");
    assertEquals(303, admin.post("/editor/helplines/" + id, edit).statusCode());
    JsonObject shown =
        (JsonObject)
            api(region).getJsonArray("helplines").stream()
                .filter(o -> id.equals(((JsonObject) o).getString("id")))
                .findFirst()
                .orElseThrow();
    assertEquals("021-6000 9999", shown.getString("number"));
    assertTrue(shown.getString("hours_text").contains("24 小时"), shown.encode());
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'helpline.update' AND detail->>'id' = '"
                + id
                + "'"));
    var stale = line(id, "021-6000 0000", "", "https://example.org/src3");
    stale.add("version", "1");
    var conflict = admin.post("/editor/helplines/" + id, stale);
    assertEquals(409, conflict.statusCode());
    assertEquals("021-6000 9999", q("SELECT number FROM helplines WHERE id = '" + id + "'"));

    assertEquals(
        303, admin.post("/editor/helplines/" + id + "/retire", DeskClient.form()).statusCode());
    assertFalse(listed(region, id));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'helpline.retire' AND detail->>'id' = '"
                + id
                + "'"));
    assertTrue(admin.get("/editor/helplines").bodyAsString().contains("已停用"));
    assertEquals(
        303, admin.post("/editor/helplines/" + id + "/restore", DeskClient.form()).statusCode());
    assertTrue(listed(region, id));
    assertEquals(404, admin.get("/editor/helplines/no-such-line/edit").statusCode());
  }

  @Test
  @DisplayName(
      "an admin edits the crisis words (audited): a new word brings the help card onto the search page")
  void crisisWords() throws Exception {
    String word = "甲乙丙测试";
    String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
    assertFalse(
        portal
            .client()
            .get(search)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString()
            .contains("help-card"));
    String current = q("SELECT string_agg(word, E'\\n') FROM crisis_words");
    var saved =
        admin.post("/editor/helplines/words", DeskClient.form("words", current + "\n" + word));
    assertEquals(303, saved.statusCode());
    assertEquals("1", q("SELECT count(*) FROM crisis_words WHERE word = '" + word + "'"));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'crisis_words.replace' AND detail->'added' ? '"
                + word
                + "'"));
    assertTrue(
        portal
            .client()
            .get(search)
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString()
            .contains("help-card"));
    var tooLong =
        admin.post(
            "/editor/helplines/words", DeskClient.form("words", "这是一个远远超过二十个字的非常非常长的危机词语条目啊啊"));
    assertEquals(400, tooLong.statusCode());
    assertEquals("1", q("SELECT count(*) FROM crisis_words WHERE word = '" + word + "'"));
  }
}
