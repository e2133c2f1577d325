package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Structured data and share previews of articles and stations")
class StructuredDataTest {
  static final String STATION = "jiading-jiangqiao-psych-station";
  static final String ARTICLE = "jiading-psych-social-work-station-map";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    portal
        .database()
        .exec(
            "UPDATE stations SET phone = '021-59590000', opening_hours = "
                + "'[{\"day\":1,\"open\":\"09:00\",\"close\":\"17:00\"},{\"day\":6,\"open\":\"09:00\",\"close\":\"12:00\"}]' "
                + "WHERE slug = '"
                + STATION
                + "'");
    portal
        .database()
        .exec(
            "UPDATE stations SET description = '</script><script>alert(1)</script><!--' "
                + "WHERE slug = 'jiading-industrial-zone-jingkang-station'");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(30, TimeUnit.SECONDS);
  }

  static JsonObject jsonLd(String html) {
    Matcher m =
        Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(html);
    assertTrue(m.find(), "JSON-LD present");
    return new JsonObject(m.group(1));
  }

  static String meta(String html, String attr, String name) {
    Matcher m =
        Pattern.compile("<meta " + attr + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">")
            .matcher(html);
    assertTrue(m.find(), name + " present");
    return m.group(1);
  }

  @Test
  @DisplayName(
      "a station page is a schema.org Place with address, position, telephone and hours, and has OpenGraph and Twitter tags")
  void station() throws Exception {
    String html = get("/stations/" + STATION).bodyAsString();
    JsonObject ld = jsonLd(html);
    assertEquals("https://schema.org", ld.getString("@context"));
    assertEquals("Place", ld.getString("@type"));
    assertEquals("江桥镇心理健康社工站", ld.getString("name"));
    assertTrue(ld.getString("url").endsWith("/stations/" + STATION));
    JsonObject address = ld.getJsonObject("address");
    assertEquals("PostalAddress", address.getString("@type"));
    assertEquals("上海市", address.getString("addressRegion"));
    assertEquals("CN", address.getString("addressCountry"));
    assertTrue(address.getString("streetAddress").contains("海波路"));
    JsonObject geo = ld.getJsonObject("geo");
    assertEquals("GeoCoordinates", geo.getString("@type"));
    assertEquals(31.247, geo.getDouble("latitude"), 1e-9);
    assertEquals(121.326, geo.getDouble("longitude"), 1e-9);
    assertEquals("021-59590000", ld.getString("telephone"));
    JsonArray hours = ld.getJsonArray("openingHoursSpecification");
    assertEquals(2, hours.size());
    assertEquals(
        new JsonObject()
            .put("@type", "OpeningHoursSpecification")
            .put("dayOfWeek", "https://schema.org/Monday")
            .put("opens", "09:00")
            .put("closes", "17:00"),
        hours.getJsonObject(0));
    assertEquals("https://schema.org/Saturday", hours.getJsonObject(1).getString("dayOfWeek"));
    assertEquals("江桥镇心理健康社工站", meta(html, "property", "og:title"));
    assertTrue(meta(html, "property", "og:url").endsWith("/stations/" + STATION));
    assertEquals("summary", meta(html, "name", "twitter:card"));
    assertEquals(200, get(URI.create(meta(html, "property", "og:image")).getPath()).statusCode());
  }

  @Test
  @DisplayName(
      "a station without phone or hours claims none, and editor text cannot end the JSON-LD element")
  void stationSafe() throws Exception {
    String html = get("/stations/jiading-industrial-zone-jingkang-station").bodyAsString();
    assertFalse(html.contains("<script>alert(1)"), "escaped in the page and in the JSON-LD");
    JsonObject ld = jsonLd(html);
    assertEquals(
        "</script><script>alert(1)</script><!--",
        ld.getString("description"),
        "same text once parsed");
    assertFalse(ld.containsKey("telephone"));
    assertFalse(ld.containsKey("openingHoursSpecification"));
  }

  @Test
  @DisplayName(
      "an article has an image (its share card, a 1200×630 PNG), an author falling back to the source, and a raster publisher logo")
  void article() throws Exception {
    String html = get("/news/" + ARTICLE).bodyAsString();
    JsonObject ld = jsonLd(html);
    assertEquals("NewsArticle", ld.getString("@type"));
    assertNotNull(ld.getString("headline"));
    assertNotNull(ld.getString("datePublished"));
    JsonObject author = ld.getJsonObject("author");
    assertEquals("Organization", author.getString("@type"), "no byline: the source organisation");
    assertEquals("新闻晨报", author.getString("name"));
    JsonObject logo = ld.getJsonObject("publisher").getJsonObject("logo");
    var logoResponse = get(URI.create(logo.getString("url")).getPath());
    assertEquals("image/png", logoResponse.getHeader("Content-Type"));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(logoResponse.body().getBytes())));
    JsonObject image = ld.getJsonObject("image");
    assertEquals(meta(html, "property", "og:image"), image.getString("url"));
    assertEquals(image.getString("url"), meta(html, "name", "twitter:image"));
    assertTrue(meta(html, "property", "og:image:alt").contains("上海嘉定社区心理健康社工站服务地图发布"));
    URI card = URI.create(image.getString("url"));
    var png = get(card.getPath() + "?" + card.getQuery());
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.getHeader("Content-Type"));
    var decoded = ImageIO.read(new ByteArrayInputStream(png.body().getBytes()));
    assertEquals(1200, decoded.getWidth());
    assertEquals(630, decoded.getHeight());
    assertEquals(png.body(), get(card.getPath()).body(), "kept and answered again the same");
    assertEquals(404, get("/news/no-such-article/card.png").statusCode());
  }
}
