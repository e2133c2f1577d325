package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Report a mistake: signed token, same origin, rate limit, stored for editors only")
class StationReportTest {
  static final String SLUG = "jiading-jiangqiao-psych-station";
  static final String PATH = "/stations/" + SLUG;
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

  @BeforeEach
  void clearReports() {
    portal.database().exec("DELETE FROM station_reports");
  }

  static String origin() {
    return "http://localhost:" + portal.port();
  }

  static String token() throws Exception {
    String html = portal.client().get(PATH).send().await(20, TimeUnit.SECONDS).bodyAsString();
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "the form carries a token");
    return m.group(1);
  }

  static MultiMap form(String token, String field, String value, String contact) {
    MultiMap f = MultiMap.caseInsensitiveMultiMap();
    if (token != null) f.add("token", token);
    if (field != null) f.add("field", field);
    if (value != null) f.add("correct_value", value);
    if (contact != null) f.add("contact", contact);
    return f;
  }

  static HttpResponse<Buffer> post(MultiMap form, String originHeader) throws Exception {
    HttpRequest<Buffer> req = portal.client().post(PATH + "/report");
    if (originHeader != null) req.putHeader("Origin", originHeader);
    return req.sendForm(form).await(20, TimeUnit.SECONDS);
  }

  static int reports() {
    return Integer.parseInt(portal.database().queryOne("SELECT count(*) FROM station_reports"));
  }

  static String stationState() {
    return portal
        .database()
        .queryOne(
            "SELECT version || '|' || updated_at || '|' || phone FROM stations WHERE slug = '"
                + SLUG
                + "'");
  }

  @Test
  @DisplayName(
      "a valid report is stored with the client's key, the station does not change, and the page thanks")
  void valid() throws Exception {
    String before = stationState();
    var r = post(form(token(), "phone", "021-59990000", "reader@example.cn"), origin());
    assertEquals(303, r.statusCode());
    assertEquals(PATH + "?reported=1#report", r.getHeader("Location"));
    assertEquals(null, r.getHeader("Set-Cookie"));
    assertEquals(1, reports());
    assertEquals(
        "phone|021-59990000|reader@example.cn|127.0.0.1|open",
        portal
            .database()
            .queryOne(
                "SELECT field || '|' || correct_value || '|' || contact || '|' || client_key || '|' || status FROM station_reports"));
    assertEquals(before, stationState(), "nothing else changes");
    String thanks =
        portal.client().get(PATH + "?reported=1").send().await(20, TimeUnit.SECONDS).bodyAsString();
    assertTrue(thanks.contains("感谢您的纠错"));
  }

  @Test
  @DisplayName(
      "missing fields give the form again with the error and the entered text; nothing is stored")
  void missingFields() throws Exception {
    var noValue = post(form(token(), "phone", "  ", "me@example.cn"), origin());
    assertEquals(400, noValue.statusCode());
    String html = noValue.bodyAsString();
    assertTrue(html.contains("请填写正确的信息"));
    assertTrue(html.contains("<option value=\"phone\" selected>"), "the chosen field is kept");
    assertTrue(html.contains("value=\"me@example.cn\""), "the contact is kept");
    var noField = post(form(token(), null, "新电话", null), origin());
    assertEquals(400, noField.statusCode());
    assertTrue(noField.bodyAsString().contains("请选择哪一项信息有误"));
    assertTrue(noField.bodyAsString().contains(">新电话</textarea>"));
    var unknownField = post(form(token(), "password", "x", null), origin());
    assertEquals(400, unknownField.statusCode());
    var nul = post(form(token(), "phone", "021\u00001234", null), origin());
    assertEquals(400, nul.statusCode());
    assertTrue(nul.bodyAsString().contains("无效字符"));
    assertEquals(0, reports());
  }

  @Test
  @DisplayName("a missing, forged, expired or other station's token is refused with 403")
  void badTokens() throws Exception {
    String good = token();
    String secretHex =
        portal.database().queryOne("SELECT encode(secret, 'hex') FROM station_report_secret");
    long id =
        Long.parseLong(
            portal.database().queryOne("SELECT id FROM stations WHERE slug = '" + SLUG + "'"));
    long otherId =
        Long.parseLong(
            portal
                .database()
                .queryOne("SELECT id FROM stations WHERE slug = 'pku-first-hospital'"));
    long old = Instant.now().minusSeconds(3 * 3600).getEpochSecond();
    String[] tokens = {
      null,
      "",
      "garbage",
      good.substring(0, good.length() - 2) + "AA",
      sign(secretHex, id, old),
      sign(secretHex, otherId, Instant.now().getEpochSecond())
    };
    for (String t : tokens) {
      var r = post(form(t, "phone", "021-1", null), origin());
      assertEquals(403, r.statusCode(), "token " + t);
      assertTrue(r.bodyAsString().contains("表单已过期或无效"), "token " + t);
    }
    assertEquals(
        303,
        post(
                form(sign(secretHex, id, Instant.now().getEpochSecond()), "phone", "021-1", null),
                origin())
            .statusCode(),
        "a token signed with the database's key is accepted, so every process shares it");
    assertEquals(1, reports());
  }

  @Test
  @DisplayName("a post from another site, or with neither Origin nor Referer, is refused with 403")
  void crossOrigin() throws Exception {
    assertEquals(
        403, post(form(token(), "phone", "021-1", null), "https://evil.example").statusCode());
    assertEquals(403, post(form(token(), "phone", "021-1", null), null).statusCode());
    var viaReferer =
        portal
            .client()
            .post(PATH + "/report")
            .putHeader("Referer", origin() + PATH)
            .sendForm(form(token(), "phone", "021-1", null))
            .await(20, TimeUnit.SECONDS);
    assertEquals(
        303, viaReferer.statusCode(), "a same-site Referer is enough when Origin is absent");
    assertEquals(1, reports());
  }

  @Test
  @DisplayName(
      "the sixth report from one address within an hour is refused with 429 and not stored")
  void rateLimit() throws Exception {
    for (int i = 0; i < ReportRoutes.MAX_PER_HOUR; i++) {
      assertEquals(
          303, post(form(token(), "other", "更正 " + i, null), origin()).statusCode(), "report " + i);
    }
    var limited = post(form(token(), "other", "one too many", null), origin());
    assertEquals(429, limited.statusCode());
    assertTrue(limited.bodyAsString().contains("请一小时后再试"));
    assertEquals(ReportRoutes.MAX_PER_HOUR, reports());
    portal.database().exec("UPDATE station_reports SET created_at = now() - interval '61 minutes'");
    assertEquals(303, post(form(token(), "other", "an hour later", null), origin()).statusCode());
  }

  @Test
  @DisplayName(
      "oversized input is refused, the longest allowed report fits, and an unknown station is a 404")
  void limits() throws Exception {
    var big = post(form(token(), "other", "长".repeat(20_000), null), origin());
    assertTrue(
        big.statusCode() == 413 || big.statusCode() == 400,
        "refused, not a 500: " + big.statusCode());
    var tooLong =
        post(form(token(), "other", "长".repeat(ReportForm.MAX_VALUE + 1), null), origin());
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.bodyAsString().contains("正确信息最多 500 个字"));
    var longest =
        post(
            form(
                token(),
                "other",
                "长".repeat(ReportForm.MAX_VALUE),
                "长".repeat(ReportForm.MAX_CONTACT)),
            origin());
    assertEquals(303, longest.statusCode(), "the longest allowed report fits the body limit");
    portal.database().exec("DELETE FROM station_reports");
    var missing =
        portal
            .client()
            .post("/stations/no-such-station/report")
            .putHeader("Origin", origin())
            .sendForm(form(token(), "phone", "1", null))
            .await(20, TimeUnit.SECONDS);
    assertEquals(404, missing.statusCode());
    assertEquals(0, reports());
  }

  static String sign(String secretHex, long stationId, long issued) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
    byte[] out =
        mac.doFinal(
            ("station-report:" + stationId + ":" + issued).getBytes(StandardCharsets.UTF_8));
    return issued + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }
}
