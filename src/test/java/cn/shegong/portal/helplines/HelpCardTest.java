package cn.shegong.portal.helplines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "A resident always has a number to call: help lines on stations, search and error pages")
class HelpCardTest {
  static final String PSYCH = "jiading-jiangqiao-psych-station";
  static final String MEDICAL = "hubei-cancer-hospital-medical-social-work";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    long deadline = System.currentTimeMillis() + 90_000;
    while (portal.client().get("/api/search?q=x").send().await(20, TimeUnit.SECONDS).statusCode()
        != 200) {
      if (System.currentTimeMillis() > deadline)
        throw new AssertionError("index not ready within 90 s");
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String page(String uri, int status) throws Exception {
    var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
    assertEquals(status, r.statusCode(), uri);
    return r.bodyAsString();
  }

  static boolean hasCard(String html) {
    return html.contains("class=\"help-card\"");
  }

  @Test
  @DisplayName(
      "the seed help lines are imported with their sources and served as JSON, filtered by kind")
  void api() throws Exception {
    JsonObject all = new JsonObject(page("/api/helplines", 200));
    var numbers =
        all.getJsonArray("helplines").stream()
            .map(o -> ((JsonObject) o).getString("number"))
            .toList();
    for (String n : new String[] {"12356", "12355", "12338", "12345", "110", "120"})
      assertTrue(numbers.contains(n), n);
    all.getJsonArray("helplines")
        .forEach(o -> assertTrue(((JsonObject) o).getString("source_url").startsWith("http")));
    JsonObject psych = new JsonObject(page("/api/helplines?kind=psych", 200));
    var psychNumbers =
        psych.getJsonArray("helplines").stream()
            .map(o -> ((JsonObject) o).getString("number"))
            .toList();
    assertTrue(psychNumbers.contains("12356"));
    assertFalse(psychNumbers.contains("12345"), "12345 is not listed for psychological help");
    JsonObject gov =
        all.getJsonArray("helplines").stream()
            .map(o -> (JsonObject) o)
            .filter(o -> o.getString("number").equals("12345"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, gov.getBoolean("answering_now"), "a 24/7 line answers now");
    JsonObject mental =
        all.getJsonArray("helplines").stream()
            .map(o -> (JsonObject) o)
            .filter(o -> o.getString("number").equals("12356"))
            .findFirst()
            .orElseThrow();
    assertEquals("各地时段不同", mental.getString("hours_text"));
    assertTrue(mental.getValue("answering_now") == null, "unknown hours are never said to answer");
  }

  @Test
  @DisplayName(
      "a psychological-health station without a phone: the card with tel: links and the emergency sentence; no empty 'please call'")
  void psychStation() throws Exception {
    String html = page("/stations/" + PSYCH, 200);
    assertTrue(hasCard(html));
    assertTrue(html.contains("href=\"tel:12356\""));
    assertTrue(html.contains("如遇紧急危险，请拨打"));
    assertTrue(html.contains("href=\"tel:110\"") && html.contains("href=\"tel:120\""));
    assertFalse(
        html.contains("请先致电确认</dd>") || html.contains("暂无开放时间信息，请先致电确认"),
        "no 'call first' without a number");
    assertTrue(html.contains("可拨打<a href=\"#help-card\">下方热线</a>"));
  }

  @Test
  @DisplayName("fallback order: station phone, then the organisation's phone, then the help lines")
  void fallbackOrder() throws Exception {
    portal
        .database()
        .exec(
            "UPDATE stations SET organization = '检查医院', phone = '' WHERE slug = '" + MEDICAL + "'");
    String noPhone = page("/stations/" + MEDICAL, 200);
    assertTrue(hasCard(noPhone), "a station without a phone gets the card");
    assertTrue(noPhone.contains("下方热线"));

    portal
        .database()
        .exec(
            "INSERT INTO organization_phones (organization, phone) VALUES ('检查医院', '027-80000000')");
    portal.verticle().helplines().reload().await(10, TimeUnit.SECONDS);
    String orgPhone = page("/stations/" + MEDICAL, 200);
    assertTrue(
        orgPhone.contains("href=\"tel:027-80000000\">027-80000000</a>（主办单位电话）"),
        "the organisation's phone");

    portal
        .database()
        .exec("UPDATE stations SET phone = '027-81111111' WHERE slug = '" + MEDICAL + "'");
    String own = page("/stations/" + MEDICAL, 200);
    assertTrue(own.contains("href=\"tel:027-81111111\""));
    assertFalse(own.contains("027-80000000"), "its own phone comes first");
    assertFalse(hasCard(own), "a medical station with its own phone has no card");

    portal
        .database()
        .exec("UPDATE stations SET phone = '021-00000000' WHERE slug = '" + PSYCH + "'");
    assertTrue(
        hasCard(page("/stations/" + PSYCH, 200)),
        "a psychological-health station always has the card");
    portal.database().exec("UPDATE stations SET phone = '' WHERE slug = '" + PSYCH + "'");
  }

  @Test
  @DisplayName(
      "search shows the card for crisis words only; the list for psychological help; 404 pages too")
  void searchListAndErrors() throws Exception {
    assertTrue(
        hasCard(page("/search?q=" + URLEncoder.encode("我想自杀", StandardCharsets.UTF_8), 200)));
    assertTrue(
        hasCard(page("/search?q=" + URLEncoder.encode("心理健康", StandardCharsets.UTF_8), 200)));
    assertFalse(hasCard(page("/search?q=" + URLEncoder.encode("医院", StandardCharsets.UTF_8), 200)));
    assertTrue(hasCard(page("/stations?kind=psych", 200)));
    assertFalse(hasCard(page("/stations?kind=medical", 200)));
    String notFound = page("/no-such-page", 404);
    assertTrue(
        hasCard(notFound) && notFound.contains("tel:12356") && notFound.contains("如遇紧急危险，请拨打"));
  }

  @Test
  @DisplayName("editors' crisis words take effect after a reload")
  void editableWords() throws Exception {
    String q = "/search?q=" + URLEncoder.encode("孤独", StandardCharsets.UTF_8);
    assertFalse(hasCard(page(q, 200)));
    portal.database().exec("INSERT INTO crisis_words (word) VALUES ('孤独')");
    portal.verticle().helplines().reload().await(10, TimeUnit.SECONDS);
    portal.verticle().pageCache().invalidate();
    assertTrue(hasCard(page(q + "&x=1", 200)));
  }
}
