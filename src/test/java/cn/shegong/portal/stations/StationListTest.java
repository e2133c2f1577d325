package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The station list without JavaScript, on the 32 seed stations")
class StationListTest {
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

  static String page(String uri) throws Exception {
    var r = get(uri);
    assertEquals(200, r.statusCode(), uri);
    return r.bodyAsString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static int total(String html) {
    Matcher m = Pattern.compile("共 (\\d+) 个站点").matcher(html);
    assertTrue(m.find(), "result count shown");
    return Integer.parseInt(m.group(1));
  }

  static int items(String html) {
    return html.split("class=\"station-item ").length - 1;
  }

  @Test
  @DisplayName(
      "the unfiltered list counts all stations, pages by 20, and every control has a label")
  void unfiltered() throws Exception {
    String html = page("/stations");
    assertEquals(32, total(html));
    assertEquals(20, items(html));
    assertEquals(12, items(page("/stations?page=2")));
    for (String id :
        new String[] {
          "f-q", "f-kind", "f-province", "f-city", "f-district", "f-service", "f-target"
        }) {
      assertTrue(html.contains("<label for=\"" + id + "\">"), "label for " + id);
    }
    assertTrue(
        html.contains(
            "<form class=\"station-filters\" id=\"station-filters\" action=\"/stations\" method=\"get\">"));
    assertTrue(
        html.contains("<option value=\"北京市\">北京市</option>"), "place picker built from the data");
    assertTrue(html.contains("data-province=\"上海市\" data-city=\"上海市\">嘉定区（上海市）</option>"));
    assertTrue(html.matches("(?s).*/static/[0-9a-f]{12}/css/stations\\.css.*"));
  }

  @Test
  @DisplayName("kind, province, district, service, target group and free text filter the list")
  void filters() throws Exception {
    String psych = page("/stations?kind=psych");
    assertEquals(4, total(psych));
    assertTrue(psych.contains("江桥镇心理健康社工站") && !psych.contains("北京同仁医院"));
    assertTrue(
        psych.contains("<option value=\"psych\" selected>"), "the chosen kind stays selected");
    assertEquals(5, total(page("/stations?province=" + enc("北京市"))));
    assertEquals(2, total(page("/stations?province=" + enc("北京市") + "&district=" + enc("西城区"))));
    assertEquals(2, total(page("/stations?service=" + enc("心理咨询"))));
    assertEquals(3, total(page("/stations?target=" + enc("未成年人"))));
    String hospitals = page("/stations?q=" + enc("医院"));
    assertEquals(5, total(hospitals));
    assertTrue(hospitals.contains("北京大学第一医院"));
    assertEquals(1, total(page("/stations?q=" + enc("江桥"))), "address and name text");
    assertEquals(0, total(page("/stations?q=%25")), "a % is a character, not a wildcard");
    assertEquals(0, total(page("/stations?q=_")), "an _ is a character, not a wildcard");
  }

  @Test
  @DisplayName("pages keep the filters in their links, so every view is bookmarkable")
  void bookmarkable() throws Exception {
    String html = page("/stations?kind=township");
    assertEquals(22, total(html));
    assertTrue(
        html.contains("href=\"/stations?kind=township&amp;page=2\""), "next page keeps the kind");
    assertEquals(2, items(page("/stations?kind=township&page=2")));
  }

  @Test
  @DisplayName("near= sorts by distance and shows it; radius_km keeps only stations within it")
  void near() throws Exception {
    String html = page("/stations?near=31.247,121.326");
    assertEquals(32, total(html));
    int jiangqiao = html.indexOf("江桥镇心理健康社工站");
    int beijing = html.indexOf("北京同仁医院");
    assertTrue(jiangqiao > 0 && (beijing < 0 || jiangqiao < beijing), "nearest first");
    assertTrue(
        html.contains("<span class=\"distance\">0 米</span>"),
        "distance of the station at the point");
    assertTrue(html.contains("公里</span>"), "kilometres shown");
    String within = page("/stations?near=31.247,121.326&radius_km=30");
    assertEquals(4, total(within), "the four Jiading stations");
    assertTrue(within.contains("30 公里内"));
    assertTrue(within.contains("<option value=\"30\" selected>"), "the radius stays selected");
    assertTrue(
        page("/stations?near=31.247,121.326&radius_km=7.5")
            .contains("<option value=\"7.5\" selected>"),
        "a radius from a bookmark stays selected even when the picker does not offer it");
  }

  @Test
  @DisplayName("the place picker's 'nearest to here' redirects to near= at the district's centre")
  void nearestToPlace() throws Exception {
    var r =
        get("/stations?district=" + enc("嘉定区") + "&city=" + enc("上海市") + "&kind=psych&from=place");
    assertEquals(303, r.statusCode());
    String location = r.getHeader("Location");
    assertTrue(location.startsWith("/stations?kind=psych&near=31.3"), location);
    assertFalse(location.contains("district"), location);
    assertEquals(400, get("/stations?from=place").statusCode(), "no place chosen");
  }

  @Test
  @DisplayName("bad kind, near, radius or page give a 400 page with a Chinese message")
  void badInput() throws Exception {
    String[][] cases = {
      {"/stations?kind=hospital", "参数 kind"},
      {"/stations?near=abc", "参数 near"},
      {"/stations?near=91,120", "参数 near"},
      {"/stations?near=31.2,181", "参数 near"},
      {"/stations?near=31.2,121.3,5", "参数 near"},
      {"/stations?near=31.2,121.3&radius_km=0", "参数 radius_km"},
      {"/stations?near=31.2,121.3&radius_km=-5", "参数 radius_km"},
      {"/stations?near=31.2,121.3&radius_km=1001", "参数 radius_km"},
      {"/stations?near=31.2,121.3&radius_km=abc", "参数 radius_km"},
      {"/stations?radius_km=5", "radius_km"},
      {"/stations?page=0", "参数 page"},
      {"/stations?kind=psych&kind=medical", "只能出现一次"},
    };
    for (String[] c : cases) {
      var r = get(c[0]);
      assertEquals(400, r.statusCode(), c[0]);
      String body = r.bodyAsString();
      assertTrue(body.contains(c[1]), c[0] + " says " + c[1]);
      assertTrue(body.contains("<html lang=\"zh-CN\"") && !body.contains("Exception"), c[0]);
    }
  }

  @Test
  @DisplayName(
      "a station page has its facts, map-app links in GCJ-02/BD-09, related news and the report form")
  void stationPage() throws Exception {
    String html = page("/stations/jiading-jiangqiao-psych-station");
    assertTrue(html.contains("江桥镇心理健康社工站"));
    assertTrue(html.contains("不是准确门址"), "approximate location said so");
    assertTrue(
        html.contains("https://uri.amap.com/marker?position=121.330540,31.245076"),
        "Amap in GCJ-02");
    assertTrue(
        html.contains("https://api.map.baidu.com/marker?location=31.251390,121.336974"),
        "Baidu in BD-09");
    assertTrue(
        html.contains("https://apis.map.qq.com/uri/v1/marker?marker=coord:31.245076,121.330540"),
        "Tencent in GCJ-02");
    assertTrue(html.contains("上海嘉定社区心理健康社工站服务地图发布"), "the article that mentions it");
    assertTrue(html.contains("action=\"/stations/jiading-jiangqiao-psych-station/report\""));
    assertTrue(
        html.contains("<label for=\"r-field\">") && html.contains("<label for=\"r-value\">"));
    assertEquals(
        null,
        get("/stations/jiading-jiangqiao-psych-station").getHeader("Set-Cookie"),
        "readers get no cookie");
    var missing = get("/stations/no-such-station");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.bodyAsString().contains("没有找到这个服务站点"));
  }

  @Test
  @DisplayName(
      "Leaflet is served from the project and the map container points at the API with the filters")
  void mapAssets() throws Exception {
    String html = page("/stations?kind=medical");
    assertTrue(html.contains("data-api=\"/api/stations.geojson?kind=medical\""));
    // Leaflet is not part of the page as parsed: the container names it, stations.js fetches it
    // when idle
    assertTrue(
        html.matches(
            "(?s).*data-leaflet-js=\"/webjars/[0-9a-f]{12}/leaflet/1\\.9\\.4/dist/leaflet\\.js\".*"));
    assertFalse(html.matches("(?s).*<(script|link)[^>]*leaflet.*"), "no Leaflet tag in the page");
    assertTrue(
        html.matches(
            "(?s).*<script src=\"/static/[0-9a-f]{12}/js/stations\\.js\" defer></script>.*"));
    for (String asset :
        new String[] {
          "/webjars/leaflet/1.9.4/dist/leaflet.js",
          "/webjars/leaflet/1.9.4/dist/leaflet.css",
          "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
          "/static/js/stations-map.js",
          "/static/js/stations.js",
          "/static/vendor/china-provinces/china-provinces.geojson"
        }) {
      assertEquals(200, get(asset).statusCode(), asset);
    }
    assertFalse(html.contains(" style=\""), "no inline style attributes (CSP)");
  }
}
