package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Station self-update invitations: a signed link for one station, proposals that change nothing until reviewed field by field")
class StationUpdateTest {
  static final String SLUG = "jiading-jiangqiao-psych-station";
  static final String OTHER = "jiading-anting-psych-station";
  static final String[] FIELDS = {
    "phone", "opening_hours", "exceptions", "address", "services", "target_groups"
  };
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

  static String stationId(String slug) {
    String id = q("SELECT id FROM stations WHERE slug = '" + slug + "'");
    return id != null ? id : q("SELECT min(id) FROM stations WHERE slug <> '" + SLUG + "'");
  }

  /** Creates an invitation in the desk and answers its link's path, read from the desk page. */
  static String invite(String stationId) throws Exception {
    assertEquals(
        303,
        desk.post("/editor/station-updates/invitations", DeskClient.form("station_id", stationId))
            .statusCode());
    String id = q("SELECT max(id) FROM station_update_invitations");
    String page = desk.get("/editor/station-updates").bodyAsString();
    Matcher m =
        Pattern.compile(
                "id=\"invitation-"
                    + id
                    + "\".*?value=\"https?://[^/\"]+(/stations/update/[^\"]+)\"",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(
        m.find(),
        "the desk lists the link of invitation "
            + id
            + page.substring(
                Math.max(0, page.indexOf("<main")),
                Math.min(page.length(), page.indexOf("<main") + 3000)));
    return m.group(1);
  }

  static HttpResponse<Buffer> open(String path) throws Exception {
    return portal.client().get(path).send().await(30, TimeUnit.SECONDS);
  }

  /** The form as the page shows it: current values, the signed form token. */
  static MultiMap formOf(String html) {
    MultiMap f = MultiMap.caseInsensitiveMultiMap();
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(token.find(), "the form carries a signed token");
    f.add("token", token.group(1));
    for (String field : FIELDS) {
      Matcher input =
          Pattern.compile("name=\"" + field + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
      Matcher area =
          Pattern.compile("name=\"" + field + "\"[^>]*>([^<]*)</textarea>").matcher(html);
      if (input.find()) f.add(field, unescape(input.group(1)));
      else if (area.find()) f.add(field, unescape(area.group(1)));
      else throw new AssertionError("no field " + field);
    }
    f.add("proposer_name", "王芳").add("proposer_role", "站长");
    return f;
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static HttpResponse<Buffer> send(String path, MultiMap form, boolean sameOrigin)
      throws Exception {
    HttpRequest<Buffer> req = portal.client().post(path);
    if (sameOrigin) req.putHeader("Origin", "http://localhost:" + portal.port());
    return req.sendForm(form).await(30, TimeUnit.SECONDS);
  }

  @BeforeEach
  void clearProposals() {
    // the limits count per address: every test starts from none
    portal.database().exec("DELETE FROM station_update_proposals");
  }

  @Test
  @DisplayName(
      "create, open without an account, propose; nothing changes before review; accept some fields, reject others; verified by station update")
  void lifeCycle() throws Exception {
    String sid = stationId(SLUG);
    String before =
        q("SELECT version || '|' || phone || '|' || address FROM stations WHERE id = " + sid);
    String link = invite(sid);
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'station.invitation.create' AND entity_id = "
                + sid));

    assertEquals(
        "14 days",
        q(
            "SELECT (expires_at - created_at)::text FROM station_update_invitations WHERE id = (SELECT max(id) FROM station_update_invitations)"));
    HttpResponse<Buffer> page = open(link);
    assertEquals(200, page.statusCode());
    assertTrue(page.cookies().isEmpty(), "the staff get no cookie");
    assertEquals("no-store", page.getHeader("Cache-Control"));
    String html = page.bodyAsString();
    assertTrue(
        html.contains(q("SELECT name FROM stations WHERE id = " + sid)), "the current record");

    MultiMap form = formOf(html);
    form.set("phone", "021-59990000");
    form.set("opening_hours", "Mo-Fr 09:00-17:00; PH off");
    form.set("exceptions", "2027-10-01 至 2027-10-07 休息 国庆节闭馆");
    form.set("address", "上海市嘉定区某路 1 号（测试）");
    form.set("target_groups", "青少年\n老年人");

    MultiMap badHours =
        MultiMap.caseInsensitiveMultiMap().addAll(form).set("opening_hours", "每天九点");
    HttpResponse<Buffer> refused = send(link, badHours, true);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("开放时间格式有误"), "a Chinese hours error");

    assertEquals(303, send(link, form, true).statusCode());
    assertTrue(open(link + "?sent=1").bodyAsString().contains("已收到您提交的修改"));
    assertEquals(
        before,
        q("SELECT version || '|' || phone || '|' || address FROM stations WHERE id = " + sid),
        "nothing changes before review");
    assertEquals("0", q("SELECT count(*) FROM station_exceptions WHERE station_id = " + sid));
    String pid = q("SELECT max(id) FROM station_update_proposals");
    assertEquals(
        "address,exceptions,opening_hours,phone,target_groups",
        q(
            "SELECT string_agg(k, ',' ORDER BY k) FROM station_update_proposals, jsonb_object_keys(changes) k WHERE id = "
                + pid));

    String review = desk.get("/editor/station-updates/" + pid).bodyAsString();
    assertTrue(review.contains("<ins>021-59990000</ins>"), "the diff shows old → new");
    String version = q("SELECT version FROM stations WHERE id = " + sid);
    MultiMap decisions =
        DeskClient.form(
            "version", version,
            "decision_phone", "accept",
            "decision_opening_hours", "accept",
            "decision_exceptions", "accept",
            "decision_address", "reject");
    assertEquals(
        400,
        desk.post("/editor/station-updates/" + pid, decisions).statusCode(),
        "every proposed field needs a decision");
    decisions.add("decision_target_groups", "reject");
    assertEquals(
        403,
        DeskClient.login(portal, "carol")
            .post("/editor/station-updates/" + pid, decisions)
            .statusCode(),
        "a contributor may not review");
    assertEquals(303, desk.post("/editor/station-updates/" + pid, decisions).statusCode());

    assertEquals(
        "021-59990000|Mo-Fr 09:00-17:00; PH off",
        q("SELECT phone || '|' || (opening_hours->0->>'syntax') FROM stations WHERE id = " + sid));
    assertEquals(
        before.split("\\|", -1)[2],
        q("SELECT address FROM stations WHERE id = " + sid),
        "rejected");
    assertFalse(
        q("SELECT array_to_string(target_groups, ',') FROM stations WHERE id = " + sid)
            .equals("青少年,老年人"));
    assertEquals(
        "true|alice|station_update",
        q(
            "SELECT (verified_at = (now() AT TIME ZONE 'Asia/Shanghai')::date) || '|' || verified_by || '|' || verified_how FROM stations WHERE id = "
                + sid));
    assertEquals(
        "2027-10-01|2027-10-07||国庆节闭馆",
        q(
            "SELECT starts_on || '|' || ends_on || '|' || hours || '|' || reason FROM station_exceptions WHERE station_id = "
                + sid));
    assertEquals(
        "reviewed|accepted|rejected",
        q(
            "SELECT status || '|' || (decisions->>'phone') || '|' || (decisions->>'address') FROM station_update_proposals WHERE id = "
                + pid));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'station.update_proposal' AND detail->>'proposal' = '"
                + pid
                + "'"));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'station.update_proposal.review' AND entity_id = "
                + sid));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE action = 'station.verify.station_update' AND entity_id = "
                + sid));
    String publicPage = open("/stations/" + SLUG).bodyAsString();
    assertTrue(publicPage.contains("021-59990000"), "the public page shows the accepted phone");
    assertTrue(publicPage.contains("最后核实：今天（站点自行更新）"));
    assertEquals(
        409,
        desk.post(
                "/editor/station-updates/" + pid,
                decisions.set("version", q("SELECT version FROM stations WHERE id = " + sid)))
            .statusCode(),
        "a proposal is reviewed once");
  }

  @Test
  @DisplayName(
      "a revoked link answers 403, an expired one 410, an unknown or altered one 404, each in Chinese")
  void revokedExpiredUnknown() throws Exception {
    String sid = stationId(OTHER);
    String revoked = invite(sid);
    String rid = q("SELECT max(id) FROM station_update_invitations");
    assertEquals(200, open(revoked).statusCode());
    assertEquals(
        403,
        DeskClient.login(portal, "carol")
            .post("/editor/station-updates/invitations/" + rid + "/revoke", DeskClient.form())
            .statusCode());
    assertEquals(
        303,
        desk.post("/editor/station-updates/invitations/" + rid + "/revoke", DeskClient.form())
            .statusCode());
    HttpResponse<Buffer> gone = open(revoked);
    assertEquals(403, gone.statusCode());
    assertTrue(gone.bodyAsString().contains("已被编辑撤销"));
    assertEquals(
        "1", q("SELECT count(*) FROM audit_log WHERE action = 'station.invitation.revoke'"));

    String expired = invite(sid);
    String html = open(expired).bodyAsString();
    portal
        .database()
        .exec(
            "UPDATE station_update_invitations SET expires_at = now() - interval '1 minute' WHERE id = (SELECT max(id) FROM station_update_invitations)");
    HttpResponse<Buffer> late = open(expired);
    assertEquals(410, late.statusCode());
    assertTrue(late.bodyAsString().contains("过期"));
    assertEquals(410, send(expired, formOf(html).set("phone", "021-1"), true).statusCode());

    String id = expired.substring(expired.lastIndexOf('/') + 1, expired.indexOf('.'));
    assertEquals(404, open("/stations/update/999999." + "A".repeat(43)).statusCode());
    assertEquals(404, open("/stations/update/nonsense").statusCode());
    String altered = "/stations/update/" + id + "." + "B".repeat(43);
    HttpResponse<Buffer> unknown = open(altered);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("没有找到这个更新链接"));
  }

  @Test
  @DisplayName(
      "without the signed form token or from another site the form is refused; a link and an address are rate-limited (429)")
  void csrfAndRateLimit() throws Exception {
    portal.database().exec("DELETE FROM station_update_proposals");
    String link = invite(stationId(OTHER));
    MultiMap form = formOf(open(link).bodyAsString());
    assertEquals(
        403, send(link, form.set("phone", "021-70000000"), false).statusCode(), "no Origin");
    MultiMap forged =
        MultiMap.caseInsensitiveMultiMap().addAll(form).set("token", "1." + "A".repeat(43));
    assertEquals(403, send(link, forged, true).statusCode(), "a forged form token");
    HttpRequest<Buffer> evil =
        portal.client().post(link).putHeader("Origin", "https://evil.example");
    assertEquals(403, evil.sendForm(form).await(30, TimeUnit.SECONDS).statusCode());
    assertEquals("0", q("SELECT count(*) FROM station_update_proposals"));

    for (int i = 0; i < StationProposals.PER_LINK_PER_HOUR; i++)
      assertEquals(303, send(link, form.set("phone", "021-7000000" + i), true).statusCode());
    HttpResponse<Buffer> limited = send(link, form.set("phone", "021-79999999"), true);
    assertEquals(429, limited.statusCode());
    assertNull(null);
    assertTrue(limited.bodyAsString().contains("太频繁"));

    String second = invite(stationId(SLUG));
    MultiMap other = formOf(open(second).bodyAsString());
    for (int i = StationProposals.PER_LINK_PER_HOUR; i < StationProposals.PER_ADDRESS_PER_HOUR; i++)
      assertEquals(303, send(second, other.set("phone", "021-7100000" + i), true).statusCode());
    String third = invite(stationId(SLUG));
    MultiMap more = formOf(open(third).bodyAsString());
    assertEquals(
        429, send(third, more.set("phone", "021-72000000"), true).statusCode(), "per address");
    assertEquals(
        String.valueOf(StationProposals.PER_ADDRESS_PER_HOUR),
        q("SELECT count(*) FROM station_update_proposals"));
    assertEquals(
        "0",
        q("SELECT count(*) FROM station_update_proposals WHERE client_key LIKE '%127.0.0.1%'"),
        "no address kept");
  }

  @Test
  @DisplayName(
      "staff may say everything is right: an accepted confirmation sets verified_at with how = station update; an empty proposal is refused")
  void allCorrect() throws Exception {
    String sid = q("SELECT max(id) FROM stations");
    String link = invite(sid);
    MultiMap form = formOf(open(link).bodyAsString());
    HttpResponse<Buffer> nothing = send(link, form, true);
    assertEquals(400, nothing.statusCode());
    assertTrue(nothing.bodyAsString().contains("您没有修改任何信息"));
    assertEquals(303, send(link, form.add("all_correct", "1"), true).statusCode());
    String pid = q("SELECT max(id) FROM station_update_proposals");
    assertTrue(desk.get("/editor/station-updates/" + pid).bodyAsString().contains("站点确认现有信息全部正确"));
    String version = q("SELECT version FROM stations WHERE id = " + sid);
    assertEquals(
        303,
        desk.post(
                "/editor/station-updates/" + pid,
                DeskClient.form("version", version, "decision_confirm", "accept"))
            .statusCode());
    assertEquals(
        "station_update|alice",
        q("SELECT verified_how || '|' || verified_by FROM stations WHERE id = " + sid));
  }

  @Test
  @DisplayName("a body over 16 KB is refused with 413 before it is read")
  void bodyLimit() throws Exception {
    String link = invite(stationId(OTHER));
    MultiMap form = formOf(open(link).bodyAsString()).set("note", "长".repeat(6000));
    assertEquals(413, send(link, form, true).statusCode());
    assertEquals("0", q("SELECT count(*) FROM station_update_proposals"));
  }
}
