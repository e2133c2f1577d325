package cn.shegong.portal.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@ExtendWith(VertxExtension.class)
@DisplayName("Atom and RSS feeds, the sitemap and robots.txt")
class FeedsAndSitemapTest {
  static TestPortal portal;
  static String base;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, java.util.Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "30000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    base = portal.config().publicBaseUrl();
    NewsFixtures.insertHidden(portal.database());
    NewsFixtures.insertSynthetic(portal.database());
    NewsFixtures.insertTricky(portal.database());
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static SyndFeed feed(String uri, String contentType) throws Exception {
    var r = get(uri);
    assertEquals(200, r.statusCode(), uri);
    assertTrue(r.getHeader("Content-Type").startsWith(contentType), r.getHeader("Content-Type"));
    return new SyndFeedInput().build(new StringReader(r.bodyAsString()));
  }

  static List<String> links(SyndFeed feed) {
    List<String> out = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) out.add(e.getLink());
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "the site Atom feed parses, has every real public article with full content, ids and times")
  void atom() throws Exception {
    SyndFeed f = feed("/feed.atom", "application/atom+xml");
    assertEquals("atom_1.0", f.getFeedType());
    assertEquals(
        17,
        f.getEntries().size(),
        "16 seeds and the published fixture; no drafts, no synthetic rows");
    List<String> links = links(f);
    assertEquals(
        base + "/news/jiading-psych-social-work-station-map", links.get(0), "newest first");
    for (String slug : NewsFixtures.HIDDEN_SLUGS)
      assertFalse(links.contains(base + "/news/" + slug), slug);
    assertFalse(links.contains(base + "/news/" + NewsFixtures.SYNTHETIC_SLUG));
    assertNotNull(f.getPublishedDate(), "feed updated");
    for (SyndEntry e : f.getEntries()) {
      assertTrue(e.getUri().startsWith("tag:shegong.cn,2024:news/"), e.getUri());
      assertNotNull(e.getUpdatedDate(), e.getUri());
      assertNotNull(e.getPublishedDate(), e.getUri());
      assertEquals("html", e.getContents().get(0).getType());
    }
    SyndEntry jiading = f.getEntries().get(0);
    assertEquals(
        "tag:shegong.cn,2024:news/jiading-psych-social-work-station-map", jiading.getUri());
    assertTrue(
        jiading.getContents().get(0).getValue().contains("<p>9月20日,上海市嘉定区江桥镇海波路"), "full text");
    assertTrue(jiading.getCategories().stream().anyMatch(c -> c.getName().equals("心理健康")));
  }

  @Test
  @DisplayName("entry ids stay the same when an article is edited, while its updated time moves")
  void stableIds() throws Exception {
    SyndEntry before =
        feed("/feed.atom?tag=" + enc("肿瘤诊疗"), "application/atom+xml").getEntries().get(0);
    portal
        .database()
        .exec(
            "UPDATE articles SET title = title || '（更新）', edited_at = now() + interval '1 minute' "
                + "WHERE slug = 'shibo-gaoxin-hospital-oncology-open-day'");
    SyndEntry after =
        feed("/feed.atom?tag=" + enc("肿瘤诊疗"), "application/atom+xml").getEntries().get(0);
    assertEquals(before.getUri(), after.getUri());
    assertTrue(after.getTitle().contains("（更新）"));
    assertTrue(after.getUpdatedDate().after(before.getUpdatedDate()));
  }

  @Test
  @DisplayName("region and tag feeds hold only their articles")
  void regionAndTagFeeds() throws Exception {
    SyndFeed shanghai = feed("/feed.atom?region=" + enc("上海市"), "application/atom+xml");
    assertEquals(
        List.of(base + "/news/jiading-psych-social-work-station-map"),
        links(shanghai),
        "draft, unpublished and synthetic Shanghai articles left out");
    assertTrue(shanghai.getTitle().contains("上海市"));
    SyndFeed zibo = feed("/feed.atom?region=" + enc("淄博市"), "application/atom+xml");
    assertEquals(5, zibo.getEntries().size());
    SyndFeed medical = feed("/feed.atom?tag=" + enc("医务社工"), "application/atom+xml");
    assertEquals(
        List.of(
                base + "/news/wuhan-medical-social-work-forum-2022",
                base + "/news/beijing-45-medical-social-work-projects")
            .stream()
            .sorted()
            .toList(),
        links(medical).stream().sorted().toList());
    SyndFeed rssTag = feed("/feed.xml?tag=" + enc("医务社工"), "application/rss+xml");
    assertEquals(2, rssTag.getEntries().size());
    assertEquals(
        0, feed("/feed.atom?tag=" + enc("没有这个主题"), "application/atom+xml").getEntries().size());
    assertEquals(400, get("/feed.atom?tag=a&tag=b").statusCode());
  }

  @Test
  @DisplayName(
      "the RSS 2.0 feed parses with the same articles, permanent guids and publication dates")
  void rss() throws Exception {
    SyndFeed f = feed("/feed.xml", "application/rss+xml");
    assertEquals("rss_2.0", f.getFeedType());
    assertEquals(17, f.getEntries().size());
    assertEquals(links(feed("/feed.atom", "application/atom+xml")), links(f));
    for (SyndEntry e : f.getEntries()) {
      assertTrue(e.getUri().startsWith("tag:shegong.cn,2024:news/"), e.getUri());
      assertNotNull(e.getPublishedDate());
      assertFalse(e.getDescription().getValue().isBlank());
    }
  }

  @Test
  @DisplayName("markup in titles and text is carried as text through the XML writer")
  void escapingInFeeds() throws Exception {
    SyndFeed f = feed("/feed.atom", "application/atom+xml");
    SyndEntry tricky =
        f.getEntries().stream()
            .filter(e -> e.getLink().endsWith(NewsFixtures.TRICKY_SLUG))
            .findFirst()
            .orElseThrow();
    assertEquals(NewsFixtures.TRICKY_TITLE, tricky.getTitle());
    String html = tricky.getContents().get(0).getValue();
    assertTrue(html.contains("第一段 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 更多"), html);
    assertTrue(html.contains("<h2>小标题 &lt;b&gt;</h2>"), html);
  }

  @Test
  @DisplayName("every page's head links the site feed")
  void feedLinksInHeads() throws Exception {
    for (String uri :
        List.of("/", "/news", "/stations", "/news/zibo-social-work-talent", "/nothing-here")) {
      String html = get(uri).bodyAsString();
      String head = html.substring(0, html.indexOf("</head>"));
      assertTrue(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), uri);
      assertTrue(head.contains("href=\"/feed.atom\""), uri);
    }
  }

  @Test
  @DisplayName(
      "the sitemap is XML listing home, lists, every public article and every station, nothing hidden")
  void sitemap() throws Exception {
    var r = get("/sitemap.xml");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("application/xml"));
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes()));
    assertEquals(
        "http://www.sitemaps.org/schemas/sitemap/0.9", doc.getDocumentElement().getNamespaceURI());
    NodeList locs =
        doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) urls.add(locs.item(i).getTextContent());
    assertTrue(urls.containsAll(List.of(base + "/", base + "/news", base + "/stations")));
    long articles = urls.stream().filter(u -> u.startsWith(base + "/news/")).count();
    assertEquals(17, articles);
    assertTrue(urls.contains(base + "/news/zibo-social-work-talent"));
    long stations = urls.stream().filter(u -> u.startsWith(base + "/stations/")).count();
    assertEquals(
        Long.parseLong(portal.database().queryOne("SELECT count(*) FROM stations")), stations);
    for (String slug : NewsFixtures.HIDDEN_SLUGS)
      assertFalse(urls.contains(base + "/news/" + slug), slug);
    assertFalse(urls.contains(base + "/news/" + NewsFixtures.SYNTHETIC_SLUG));
    NodeList lastmods =
        doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod");
    // a station's lastmod is its last edit or verification; one never edited nor verified has none
    // (not the import)
    long dated =
        Long.parseLong(
            portal
                .database()
                .queryOne(
                    "SELECT count(*) FROM stations WHERE origin <> 'synthetic' AND (edited_at IS NOT NULL OR verified_at IS NOT NULL)"));
    assertEquals(articles + dated, lastmods.getLength());
    java.time.OffsetDateTime.parse(lastmods.item(0).getTextContent());
  }

  @Test
  @DisplayName(
      "robots.txt allows public pages, keeps crawlers out of the editor, and points at the sitemap")
  void robots() throws Exception {
    var r = get("/robots.txt");
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
    List<String> lines = r.bodyAsString().lines().toList();
    assertTrue(lines.contains("User-agent: *"));
    assertTrue(lines.contains("Allow: /"));
    assertTrue(lines.contains("Disallow: /editor"));
    assertTrue(lines.contains("Disallow: /api/editor"));
    assertTrue(lines.contains("Sitemap: " + base + "/sitemap.xml"));
    assertFalse(lines.contains("Disallow: /"), "public pages stay crawlable");
  }
}
