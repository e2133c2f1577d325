package cn.shegong.portal.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The newsroom pages: filtered lists with counts, article pages with their metadata")
class NewsPagesTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    NewsFixtures.insertHidden(portal.database());
    NewsFixtures.insertTricky(portal.database());
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String page(String uri) throws Exception {
    var r = get(uri);
    assertEquals(200, r.statusCode(), uri);
    return r.bodyAsString();
  }

  static int total(String html) {
    Matcher m = Pattern.compile("共 (\\d+) 篇").matcher(html);
    assertTrue(m.find(), "total shown");
    return Integer.parseInt(m.group(1));
  }

  static List<String> slugs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("class=\"article-title\" href=\"/news/([a-z0-9-]+)\"").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  @DisplayName("the list pages through every public article once, newest first, twelve a page")
  void pagination() throws Exception {
    String first = page("/news");
    assertEquals(
        17, total(first), "16 seed articles and one published fixture; drafts not counted");
    List<String> all = new ArrayList<>(slugs(first));
    assertEquals(12, all.size());
    assertTrue(first.contains("rel=\"next\" href=\"/news?page=2\""));
    String second = page("/news?page=2");
    all.addAll(slugs(second));
    assertEquals(17, all.size());
    assertEquals(17, all.stream().distinct().count(), "no article on two pages");
    assertEquals("jiading-psych-social-work-station-map", all.get(0));
    assertEquals(NewsFixtures.TRICKY_SLUG, all.get(16), "2020 is the oldest");
    for (String hidden : NewsFixtures.HIDDEN_SLUGS) assertFalse(all.contains(hidden), hidden);
    var beyond = get("/news?page=9&tag=" + enc("医务社工"));
    assertEquals(200, beyond.statusCode());
    assertTrue(
        beyond.bodyAsString().contains("href=\"/news?tag=" + enc("医务社工") + "\">回到第一页"),
        "the way back keeps the filter");
  }

  @Test
  @DisplayName("each filter narrows the list: region (province or city), tag, year, month, source")
  void filters() throws Exception {
    assertEquals(
        List.of("jiading-psych-social-work-station-map"),
        slugs(page("/news?region=" + enc("上海市"))));
    assertEquals(6, total(page("/news?region=" + enc("山东省"))));
    assertEquals(5, total(page("/news?region=" + enc("淄博市"))));
    assertEquals(
        List.of("wuhan-medical-social-work-forum-2022", "beijing-45-medical-social-work-projects")
            .stream()
            .sorted()
            .toList(),
        slugs(page("/news?tag=" + enc("医务社工"))).stream().sorted().toList());
    assertEquals(2, total(page("/news?year=2022")));
    assertEquals(
        5, total(page("/news?year=2023&month=10")), "the Zibo day and the four Shibo month dates");
    assertEquals(
        0, total(page("/news?year=2023&month=1")), "dates known only to the year are in no month");
    assertEquals(
        List.of("lijiang-chen-cungen-research-visit"),
        slugs(page("/news?source=" + enc("《丽江日报》"))));
    String combined = page("/news?region=" + enc("山东省") + "&tag=" + enc("社工站") + "&year=2024");
    assertEquals(List.of("jiyang-156-social-work-stations"), slugs(combined));
    assertTrue(combined.contains("清除全部筛选"));
    String none = page("/news?tag=" + enc("没有这个主题"));
    assertEquals(0, total(none));
    assertTrue(none.contains("没有符合这些条件的报道"));
  }

  @Test
  @DisplayName(
      "facet counts are computed over public articles, every count matches the list it links to, and the list links to them")
  void counts() throws Exception {
    String html = page("/news");
    assertTrue(
        html.contains("<a href=\"#facets\">")
            && html.contains("<aside class=\"facets\" id=\"facets\""),
        "on a phone the filters below the list are one link away");
    assertTrue(html.contains(">山东省</a> <span class=\"count\">6</span>"), "山东省 (6)");
    assertTrue(html.contains(">2022年</a> <span class=\"count\">2</span>"));
    assertTrue(html.contains(">《丽江日报》</a> <span class=\"count\">1</span>"));
    assertTrue(
        html.contains(">心理健康</a> <span class=\"count\">2</span>"),
        "drafts tagged 心理健康 not counted");
    Matcher m =
        Pattern.compile("<li><a href=\"([^\"]+)\">[^<]+</a> <span class=\"count\">(\\d+)</span>")
            .matcher(html);
    int checked = 0;
    while (m.find()) {
      String href = m.group(1).replace("&amp;", "&");
      assertEquals(Integer.parseInt(m.group(2)), total(page(href)), href);
      checked++;
    }
    assertTrue(checked > 20, "region, tag, year and source values all listed: " + checked);
    String year = page("/news?year=2023");
    assertTrue(
        year.contains(">10月</a> <span class=\"count\">5</span>"),
        "months appear once a year is chosen");
  }

  @Test
  @DisplayName("bad filter values and unknown parameters give a 400 page with a Chinese message")
  void badFilters() throws Exception {
    for (String uri :
        List.of(
            "/news?year=abc",
            "/news?year=99999",
            "/news?month=13&year=2023",
            "/news?month=5",
            "/news?page=0",
            "/news?colour=red",
            "/news?tag=a&tag=b",
            "/news?region=" + "长".repeat(101))) {
      var r = get(uri);
      assertEquals(400, r.statusCode(), uri);
      assertTrue(r.bodyAsString().contains("请求有误"), uri);
      assertFalse(r.bodyAsString().contains("Exception"), uri);
    }
    assertTrue(get("/news?month=5").bodyAsString().contains("年份"));
  }

  @Test
  @DisplayName(
      "a filtered list offers its region and tag feeds in the head, and its canonical URL keeps the filter")
  void filteredFeeds() throws Exception {
    String html = page("/news?region=" + enc("上海市") + "&tag=" + enc("心理健康"));
    assertTrue(
        html.contains(
            "type=\"application/atom+xml\" title=\"社工服务地图 · 最新报道 (Atom)\" href=\"/feed.atom\""));
    assertTrue(html.contains("href=\"/feed.atom?region=" + enc("上海市") + "\""));
    assertTrue(html.contains("href=\"/feed.atom?tag=" + enc("心理健康") + "\""));
    assertTrue(
        html.contains(
            "<link rel=\"canonical\" href=\""
                + portal.config().publicBaseUrl()
                + "/news?region="
                + enc("上海市")
                + "&amp;tag="
                + enc("心理健康")
                + "\">"));
  }

  @Test
  @DisplayName(
      "an article page carries canonical, OpenGraph, Twitter and NewsArticle JSON-LD metadata")
  void articleMetadata() throws Exception {
    String url = portal.config().publicBaseUrl() + "/news/jiading-psych-social-work-station-map";
    String html = page("/news/jiading-psych-social-work-station-map");
    assertTrue(html.contains("<link rel=\"canonical\" href=\"" + url + "\">"));
    assertTrue(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assertTrue(html.contains("<meta property=\"og:title\" content=\"上海嘉定社区心理健康社工站服务地图发布\">"));
    assertTrue(html.contains("<meta property=\"og:url\" content=\"" + url + "\">"));
    assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assertTrue(
        html.matches(
            "(?s).*<link rel=\"stylesheet\" href=\"/static/[0-9a-f]{12}/css/news-print\\.css\" media=\"print\">.*"));
    JsonObject ld = jsonLd(html);
    assertEquals("NewsArticle", ld.getString("@type"));
    assertEquals("https://schema.org", ld.getString("@context"));
    assertEquals("上海嘉定社区心理健康社工站服务地图发布", ld.getString("headline"));
    assertEquals(url, ld.getString("url"));
    assertTrue(
        ld.getString("datePublished").startsWith("2024-09-20T"), ld.getString("datePublished"));
    assertTrue(ld.getString("datePublished").endsWith("+08:00"));
    assertNotNull(java.time.OffsetDateTime.parse(ld.getString("dateModified")));
    assertEquals("新闻晨报", ld.getJsonObject("sourceOrganization").getString("name"));
    assertTrue(ld.getJsonArray("keywords").contains("心理健康"));
  }

  @Test
  @DisplayName(
      "an article page shows date precision, source, tags linking to lists, stations, related reports and a citation")
  void articleContent() throws Exception {
    String html = page("/news/jiading-psych-social-work-station-map");
    assertTrue(html.contains("<time datetime=\"2024-09-20\">2024年9月20日</time>"));
    assertTrue(html.contains("据《新闻晨报》"));
    assertTrue(html.contains("<a href=\"/news?tag=" + enc("心理健康") + "\">心理健康</a>"));
    assertTrue(html.contains("href=\"/stations/jiading-jiangqiao-psych-station\""));
    assertTrue(html.contains("相关报道"));
    assertFalse(html.contains("secret-"), "hidden articles are never related");
    Matcher cite =
        Pattern.compile("<p class=\"citation-text\" id=\"citation-text\">([^<]+)</p>")
            .matcher(html);
    assertTrue(cite.find());
    assertTrue(
        cite.group(1)
            .matches(
                "上海嘉定社区心理健康社工站服务地图发布\\[N/OL\\]\\. 新闻晨报, 2024-09-20"
                    + "\\[\\d{4}-\\d\\d-\\d\\d\\]\\. http://localhost:\\d+/news/jiading-psych-social-work-station-map\\."),
        cite.group(1));
    String zibo = page("/news/zibo-social-work-talent");
    assertTrue(
        zibo.contains("马玉妹. 构建现代社会工作体系: 淄博累计实施关爱困难群众项目35个[N/OL]. 社工服务地图, 2023-10-26["),
        "author first; no source printed, so the portal is the publisher");
    String month = page("/news/shibo-gaoxin-hospital-village-doctors");
    assertTrue(
        month.contains("<time datetime=\"2023-10\">2023年10月</time>"),
        "month precision is not dressed up as a day");
    assertEquals("2023-10", jsonLd(month).getString("datePublished"), "nor in the JSON-LD");
  }

  @Test
  @DisplayName(
      "markup in an article's text is escaped on the page and cannot break out of the JSON-LD")
  void escaping() throws Exception {
    String html = page("/news/" + NewsFixtures.TRICKY_SLUG);
    assertFalse(html.contains("<script>alert(1)"));
    assertFalse(html.contains("</script><b>"));
    assertTrue(html.contains("第一段 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 更多"));
    assertEquals(NewsFixtures.TRICKY_TITLE, jsonLd(html).getString("headline"));
  }

  @Test
  @DisplayName("unknown, draft, scheduled and unpublished slugs answer the 404 page")
  void notFound() throws Exception {
    List<String> slugs = new ArrayList<>(NewsFixtures.HIDDEN_SLUGS);
    slugs.add("no-such-article");
    for (String slug : slugs) {
      var r = get("/news/" + slug);
      assertEquals(404, r.statusCode(), slug);
      assertTrue(r.bodyAsString().contains("页面不存在"), slug);
      assertFalse(r.bodyAsString().contains(NewsFixtures.HIDDEN_TITLE_MARK), slug);
    }
    assertFalse(page("/").contains(NewsFixtures.HIDDEN_TITLE_MARK), "home page");
  }

  static JsonObject jsonLd(String html) {
    Matcher m =
        Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(html);
    assertTrue(m.find(), "JSON-LD present");
    return new JsonObject(m.group(1));
  }
}
