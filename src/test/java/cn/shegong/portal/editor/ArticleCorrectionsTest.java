package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Corrections and updates of published articles, and the real times readers see")
class ArticleCorrectionsTest {
  static final String TAG =
      java.net.URLEncoder.encode("更正测试", java.nio.charset.StandardCharsets.UTF_8);
  static TestPortal portal;
  static DeskClient carol;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, java.util.Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "30000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "carol", "editor");
    carol = DeskClient.login(portal, "carol");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static String get(String uri) throws Exception {
    var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), uri);
    return r.bodyAsString();
  }

  static MultiMap article(String title, String body, String... extra) {
    MultiMap m =
        DeskClient.form(
            "title",
            title,
            "body",
            body,
            "source",
            "《测试日报》",
            "province",
            "上海市",
            "city",
            "上海市",
            "tags",
            "更正测试",
            "date",
            "2025-05-06",
            "date_precision",
            "day");
    for (int i = 0; i < extra.length; i += 2) m.add(extra[i], extra[i + 1]);
    return m;
  }

  static long publish(String title) throws Exception {
    var r = carol.post("/editor/articles", article(title, "第一段。"));
    assertEquals(303, r.statusCode(), r.bodyAsString());
    long id =
        Long.parseLong(
            r.getHeader("Location").replaceAll("^/editor/articles/(\\d+)/edit.*$", "$1"));
    assertEquals(
        303, carol.post("/editor/articles/" + id + "/publish", DeskClient.form()).statusCode());
    return id;
  }

  static int version(long id) {
    return Integer.parseInt(q("SELECT version FROM articles WHERE id = " + id));
  }

  static JsonObject jsonLd(String html) {
    Matcher m =
        Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(html);
    assertTrue(m.find(), "JSON-LD present");
    return new JsonObject(m.group(1));
  }

  @Test
  @DisplayName(
      "a published article's text cannot change silently: without a note 400 with the form kept, nothing saved")
  void silentEditRefused() throws Exception {
    long id = publish("不能悄悄改的报道");
    int v = version(id);
    var r = carol.post("/editor/articles/" + id, article("不能悄悄改的报道", "改过的第一段。", "version", "" + v));
    assertEquals(400, r.statusCode());
    assertTrue(
        r.bodyAsString().contains("更正") && r.bodyAsString().contains("仅改错别字"),
        "the form explains the choice");
    assertEquals("第一段。", q("SELECT body FROM articles WHERE id = " + id));
    assertEquals("" + v, q("SELECT version FROM articles WHERE id = " + id));
    assertEquals("0", q("SELECT count(*) FROM article_corrections WHERE article_id = " + id));
    var same = carol.post("/editor/articles/" + id, article("不能悄悄改的报道", "第一段。", "version", "" + v));
    assertEquals(303, same.statusCode(), "saving unchanged content needs no note");
    var api =
        carol.post(
            "/editor/articles/" + id,
            article(
                "不能悄悄改的报道",
                "x",
                "version",
                "" + (v + 1),
                "change_kind",
                "correction",
                "change_note",
                ""));
    assertEquals(400, api.statusCode(), "a correction needs its text");
  }

  @Test
  @DisplayName(
      "a correction shows at the end and as 已更正 by the date, in the JSON-LD, the API, the feeds and the sitemap")
  void correctionEverywhere() throws Exception {
    long id = publish("需要更正的报道");
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    String publishedAt = q("SELECT published_at FROM articles WHERE id = " + id);
    var r =
        carol.post(
            "/editor/articles/" + id,
            article(
                "需要更正的报道",
                "第一段，人数已更正为 12 人。",
                "version",
                "" + version(id),
                "change_kind",
                "correction",
                "change_note",
                "原文误写为 21 人，应为 12 人。"));
    assertEquals(303, r.statusCode(), r.bodyAsString());
    String html = get("/news/" + slug);
    assertTrue(
        html.contains("class=\"corrected\" href=\"#corrections\">已更正</a>"), "badge by the date");
    int notes = html.indexOf("id=\"corrections\"");
    assertTrue(notes > html.indexOf("人数已更正为 12 人"), "notes after the text");
    assertTrue(html.substring(notes).contains("原文误写为 21 人，应为 12 人。"));
    assertFalse(html.contains("carol"), "who wrote the note is not public");

    JsonObject ld = jsonLd(html);
    JsonArray corr = ld.getJsonArray("correction");
    assertEquals(1, corr.size());
    assertEquals("CorrectionComment", corr.getJsonObject(0).getString("@type"));
    assertEquals("更正：原文误写为 21 人，应为 12 人。", corr.getJsonObject(0).getString("text"));
    OffsetDateTime modified = OffsetDateTime.parse(ld.getString("dateModified"));
    assertTrue(
        modified.isAfter(OffsetDateTime.parse(ld.getString("datePublished"))),
        "dateModified is the edit");

    JsonObject api = new JsonObject(get("/api/articles/" + slug));
    JsonObject note = api.getJsonArray("corrections").getJsonObject(0);
    assertEquals("correction", note.getString("kind"));
    assertEquals("更正", note.getString("label"));
    assertEquals("原文误写为 21 人，应为 12 人。", note.getString("note"));
    assertEquals(
        modified.toInstant(), OffsetDateTime.parse(api.getString("updated_at")).toInstant());

    SyndFeed feed = new SyndFeedInput().build(new StringReader(get("/feed.atom?tag=" + TAG)));
    SyndEntry e =
        feed.getEntries().stream()
            .filter(x -> x.getLink().endsWith("/news/" + slug))
            .findFirst()
            .orElseThrow();
    assertTrue(e.getUpdatedDate().after(e.getPublishedDate()), "republished with a new updated");
    assertTrue(
        e.getContents().get(0).getValue().contains("原文误写为 21 人"), "the note rides in the entry");
    assertTrue(get("/feed.xml?tag=" + TAG).contains("原文误写为 21 人"));
    String sitemap = get("/sitemap.xml");
    int at =
        sitemap.indexOf("/news/" + slug + "</loc><lastmod>")
            + ("/news/" + slug + "</loc><lastmod>").length();
    assertEquals(
        modified.toInstant(),
        OffsetDateTime.parse(sitemap.substring(at, sitemap.indexOf('<', at))).toInstant());
    assertNotEquals(publishedAt, q("SELECT edited_at FROM articles WHERE id = " + id));
  }

  @Test
  @DisplayName("an update is marked 已更新; typo only is audited and shows no note")
  void updateAndTypo() throws Exception {
    long id = publish("会更新的报道");
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    assertEquals(
        303,
        carol
            .post(
                "/editor/articles/" + id,
                article("会更新的报道", "第一段。", "version", "" + version(id), "change_kind", "typo"))
            .statusCode(),
        "unchanged with typo is fine too");
    assertEquals(
        303,
        carol
            .post(
                "/editor/articles/" + id,
                article("会更新的报道", "第一段。错字已改", "version", "" + version(id), "change_kind", "typo"))
            .statusCode());
    assertEquals(
        "1",
        q("SELECT count(*) FROM audit_log WHERE action = 'article.typo' AND entity_id = " + id));
    assertFalse(get("/news/" + slug).contains("id=\"corrections\""), "a typo fix shows no note");
    assertEquals(
        303,
        carol
            .post(
                "/editor/articles/" + id,
                article(
                    "会更新的报道",
                    "第一段。错字已改\n\n第二段：新进展。",
                    "version",
                    "" + version(id),
                    "change_kind",
                    "update",
                    "change_note",
                    "补充了第二段的新进展。"))
            .statusCode());
    String html = get("/news/" + slug);
    assertTrue(html.contains(">已更新</a>") && html.contains("补充了第二段的新进展。"));
    assertEquals(
        "carol",
        q("SELECT noted_by FROM article_corrections WHERE article_id = " + id),
        "kept for the desk");
  }

  @Test
  @DisplayName(
      "a seed article never edited shows its publication date, not the import time, in the API and sitemap")
  void seedTimes() throws Exception {
    JsonObject api = new JsonObject(get("/api/articles/jiading-psych-social-work-station-map"));
    assertEquals(api.getString("published_at"), api.getString("updated_at"));
    String sitemap = get("/sitemap.xml");
    int at = sitemap.indexOf("/news/jiading-psych-social-work-station-map</loc>");
    assertTrue(
        sitemap.startsWith(
            "/news/jiading-psych-social-work-station-map</loc><lastmod>2024-09-20T00:00:00Z", at),
        sitemap.substring(at, at + 120));
  }
}
