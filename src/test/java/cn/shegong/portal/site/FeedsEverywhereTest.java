package cn.shegong.portal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Feeds wherever there is a list: Atom, RSS and JSON Feed advertised and valid; OpenSearch and oEmbed")
class FeedsEverywhereTest {
  static TestPortal portal;
  static String base;
  static final Pattern ALTERNATE =
      Pattern.compile("<link rel=\"(alternate|search)\" type=\"([^\"]+)\"[^>]*href=\"([^\"]+)\"");

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "30000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    base = portal.config().publicBaseUrl();
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (get("/api/search?q=" + enc("嘉定")).statusCode() != 200 && System.nanoTime() < until)
      Thread.sleep(200);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(30, TimeUnit.SECONDS);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The rules of https://www.jsonfeed.org/version/1.1/ a reader relies on. */
  static JsonObject checkJsonFeed(String body, String uri) {
    JsonObject f = new JsonObject(body);
    assertEquals("https://jsonfeed.org/version/1.1", f.getString("version"), uri);
    assertFalse(f.getString("title", "").isBlank(), uri + " title");
    assertTrue(f.getString("feed_url").startsWith(base + "/"), uri + " feed_url absolute");
    assertTrue(
        f.getString("home_page_url").startsWith(base + "/"), uri + " home_page_url absolute");
    for (Object o : f.getJsonArray("items")) {
      JsonObject it = (JsonObject) o;
      assertTrue(
          it.getValue("id") instanceof String s && !s.isBlank(), uri + " item id is a string");
      assertTrue(
          it.containsKey("content_html") || it.containsKey("content_text"), uri + " item content");
      assertTrue(it.getString("url").startsWith(base + "/"), uri + " item url");
      OffsetDateTime.parse(it.getString("date_published"));
      OffsetDateTime.parse(it.getString("date_modified"));
      if (it.containsKey("authors"))
        assertFalse(it.getJsonArray("authors").getJsonObject(0).getString("name").isBlank());
    }
    return f;
  }

  /**
   * Every alternate and search link in a page's head answers 200 and parses as what it says it is.
   */
  static int checkLinks(String page) throws Exception {
    String html = get(page).bodyAsString();
    Matcher m = ALTERNATE.matcher(html);
    int n = 0;
    while (m.find()) {
      String type = m.group(2);
      String href = m.group(3).replace("&amp;", "&");
      var r = get(href.startsWith(base) ? href.substring(base.length()) : href);
      assertEquals(200, r.statusCode(), page + " → " + href);
      switch (type) {
        case "application/atom+xml", "application/rss+xml" -> {
          SyndFeed f = new SyndFeedInput().build(new StringReader(r.bodyAsString()));
          assertEquals(type.contains("atom") ? "atom_1.0" : "rss_2.0", f.getFeedType(), href);
        }
        case "application/feed+json" -> checkJsonFeed(r.bodyAsString(), href);
        case "application/json+oembed" ->
            assertEquals("1.0", r.bodyAsJsonObject().getString("version"), href);
        case "application/opensearchdescription+xml" -> openSearch(r.bodyAsString());
        default -> throw new AssertionError("unexpected link type " + type + " on " + page);
      }
      n++;
    }
    return n;
  }

  static void openSearch(String xml) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("OpenSearchDescription", d.getDocumentElement().getLocalName());
    assertEquals(OpenSearchRoutes.NS, d.getDocumentElement().getNamespaceURI());
    String shortName =
        d.getElementsByTagNameNS(OpenSearchRoutes.NS, "ShortName").item(0).getTextContent();
    assertTrue(shortName.length() <= 16, "ShortName at most 16 characters");
    var urls = d.getElementsByTagNameNS(OpenSearchRoutes.NS, "Url");
    List<String> templates = new ArrayList<>();
    for (int i = 0; i < urls.getLength(); i++)
      templates.add(urls.item(i).getAttributes().getNamedItem("template").getNodeValue());
    assertTrue(templates.contains(base + "/search?q={searchTerms}"), templates.toString());
    assertTrue(templates.contains(base + "/search.atom?q={searchTerms}"), templates.toString());
  }

  @Test
  @DisplayName(
      "the news list, a region, a tag, a search and an article page advertise feeds that resolve and parse")
  void everyListAdvertisesItsFeeds() throws Exception {
    assertTrue(checkLinks("/news") >= 4, "site Atom, RSS, JSON Feed and OpenSearch");
    assertTrue(checkLinks("/news?tag=" + enc("心理健康")) >= 7, "plus the tag's three");
    assertTrue(checkLinks("/news?region=" + enc("上海市")) >= 7, "plus the region's three");
    assertTrue(checkLinks("/search?q=" + enc("社工站")) >= 6, "plus the search's three");
    assertTrue(
        checkLinks("/search?q=" + enc("社工") + "&province=" + enc("山东省") + "&year=2024") >= 6,
        "a filtered search's feeds keep its filters");
    assertTrue(
        get("/search?q=" + enc("社工") + "&province=" + enc("山东省"))
            .bodyAsString()
            .contains("href=\"/search.atom?q=" + enc("社工") + "&amp;province=" + enc("山东省") + "\""));
    assertTrue(checkLinks("/news/jiading-psych-social-work-station-map") >= 4, "oEmbed discovery");
  }

  @Test
  @DisplayName(
      "the station list, a kind of station and a station's history advertise the directory's change feeds, which resolve and parse")
  void stationListsAdvertiseTheirFeeds() throws Exception {
    assertTrue(checkLinks("/stations") >= 7, "site feeds, OpenSearch and the directory's three");
    assertTrue(checkLinks("/stations?kind=medical") >= 10, "plus the kind's three");
    String slug =
        portal.database().queryOne("SELECT slug FROM stations WHERE kind = 'psych' LIMIT 1");
    assertTrue(checkLinks("/stations/" + slug + "/history") >= 10, "directory and kind");
    assertTrue(
        get("/stations?kind=medical")
            .bodyAsString()
            .contains("href=\"/stations.atom?kind=medical\""));
    assertEquals(400, get("/stations.atom?kind=other").statusCode());
  }

  @Test
  @DisplayName(
      "a change to a station's record is an entry of the directory's and its kind's feeds, in all three formats")
  void stationChangeFeeds() throws Exception {
    portal
        .database()
        .exec(
            "UPDATE stations SET phone = '021-00000000', edited_at = now() WHERE slug = (SELECT slug FROM stations WHERE kind = 'psych' AND origin = 'seed' ORDER BY id LIMIT 1)");
    SyndFeed all =
        new SyndFeedInput().build(new StringReader(get("/stations.atom").bodyAsString()));
    assertEquals("atom_1.0", all.getFeedType());
    assertFalse(all.getEntries().isEmpty());
    var e = all.getEntries().get(0);
    assertTrue(e.getUri().startsWith("tag:shegong.cn,2024:stations/"), e.getUri());
    assertTrue(e.getLink().endsWith("/history"), e.getLink());
    assertTrue(e.getTitle().contains("电话"), e.getTitle());
    assertTrue(e.getDescription().getValue().contains("021-00000000"));
    assertEquals(
        1,
        new SyndFeedInput()
            .build(new StringReader(get("/stations.rss?kind=psych").bodyAsString()))
            .getEntries()
            .size());
    assertEquals(
        0,
        new SyndFeedInput()
            .build(new StringReader(get("/stations.atom?kind=medical").bodyAsString()))
            .getEntries()
            .size());
    var json = checkJsonFeed(get("/stations.json?kind=psych").bodyAsString(), "/stations.json");
    assertEquals(1, json.getJsonArray("items").size());
  }

  @Test
  @DisplayName("a search feed is a saved search: its reports newest first in all three formats")
  void searchFeeds() throws Exception {
    var r = get("/search.atom?q=" + enc("嘉定"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    SyndFeed atom = new SyndFeedInput().build(new StringReader(r.bodyAsString()));
    assertFalse(atom.getEntries().isEmpty());
    assertTrue(
        atom.getEntries().stream()
            .anyMatch(e -> e.getLink().endsWith("/news/jiading-psych-social-work-station-map")));
    for (int i = 1; i < atom.getEntries().size(); i++) {
      assertFalse(
          atom.getEntries()
              .get(i)
              .getPublishedDate()
              .after(atom.getEntries().get(i - 1).getPublishedDate()),
          "newest first");
    }
    assertEquals(
        "rss_2.0",
        new SyndFeedInput()
            .build(new StringReader(get("/search.rss?q=" + enc("嘉定")).bodyAsString()))
            .getFeedType());
    var json = get("/search.json?q=" + enc("嘉定"));
    assertTrue(json.getHeader("Content-Type").startsWith("application/feed+json"));
    assertEquals(
        atom.getEntries().size(),
        checkJsonFeed(json.bodyAsString(), "/search.json").getJsonArray("items").size());
    assertEquals(400, get("/search.atom").statusCode(), "no query");
    assertEquals(400, get("/search.json?q=" + "长".repeat(500)).statusCode(), "too long");
    var site = get("/feed.json");
    assertTrue(site.getHeader("Content-Type").startsWith("application/feed+json"));
    assertEquals(16, checkJsonFeed(site.bodyAsString(), "/feed.json").getJsonArray("items").size());
  }

  @Test
  @DisplayName(
      "oEmbed answers a link object for an article, 404 for other addresses, 501 for XML, 400 without url")
  void oembed() throws Exception {
    String url = base + "/news/jiading-psych-social-work-station-map";
    JsonObject o = get("/oembed?format=json&url=" + enc(url)).bodyAsJsonObject();
    assertEquals("1.0", o.getString("version"));
    assertEquals("link", o.getString("type"));
    assertEquals("上海嘉定社区心理健康社工站服务地图发布", o.getString("title"));
    assertEquals("社工服务地图", o.getString("provider_name"));
    assertEquals(404, get("/oembed?url=" + enc(base + "/stations")).statusCode());
    assertEquals(404, get("/oembed?url=" + enc(base + "/news/no-such-report")).statusCode());
    assertEquals(501, get("/oembed?format=xml&url=" + enc(url)).statusCode());
    assertEquals(400, get("/oembed").statusCode());
  }
}
