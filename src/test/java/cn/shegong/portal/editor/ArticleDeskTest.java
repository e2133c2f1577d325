package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The article desk: write, preview, publish, schedule, conflicts, revisions")
class ArticleDeskTest {
  static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
  static TestPortal portal;
  static DeskClient alice;
  static DeskClient bob;

  /** The scheduler's own pool, as a second process would have. */
  static Pool pool;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    DeskClient.addUser(portal.database(), "bob", "editor");
    alice = DeskClient.login(portal, "alice");
    bob = DeskClient.login(portal, "bob");
    pool = PgBuilder.pool().connectingTo(portal.database().url()).using(vertx).build();
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await(10, TimeUnit.SECONDS);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static MultiMap article(String title, String body) {
    return DeskClient.form(
        "title",
        title,
        "subtitle",
        "副标题",
        "summary",
        "摘要",
        "body",
        body,
        "source",
        "《测试日报》",
        "author",
        "记者",
        "province",
        "上海市",
        "city",
        "上海市",
        "district",
        "嘉定区",
        "tags",
        "心理健康，社工站",
        "date",
        "2025-03-01",
        "date_precision",
        "month");
  }

  static long create(MultiMap form) throws Exception {
    var r = alice.post("/editor/articles", form);
    assertEquals(303, r.statusCode(), r.bodyAsString());
    String loc = r.getHeader("Location");
    return Long.parseLong(loc.replaceAll("^/editor/articles/(\\d+)/edit.*$", "$1"));
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  @Test
  @DisplayName(
      "HTML typed into every field shows as text on the public page, the news list, the home page and the desk")
  void xssEscapedEverywhere() throws Exception {
    MultiMap f = DeskClient.form("date", "2099-01-01", "date_precision", "day");
    for (String k :
        new String[] {
          "title",
          "subtitle",
          "kicker",
          "summary",
          "body",
          "source",
          "author",
          "province",
          "city",
          "district",
          "tags"
        }) {
      f.add(k, k + XSS);
    }
    long id = create(f);
    assertEquals(
        303, alice.post("/editor/articles/" + id + "/publish", DeskClient.form()).statusCode());
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    for (String uri :
        new String[] {
          "/news/" + slug,
          "/news",
          "/",
          "/editor/articles",
          "/editor/articles/" + id + "/edit",
          "/editor/articles/" + id + "/revisions",
          "/editor/audit"
        }) {
      String html =
          uri.startsWith("/editor")
              ? alice.get(uri).bodyAsString()
              : portal.client().get(uri).send().await(20, TimeUnit.SECONDS).bodyAsString();
      assertFalse(html.contains("<script>alert"), uri);
      assertFalse(html.contains("<img src=x"), uri);
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), uri);
    }
    for (String uri : new String[] {"/feed.atom", "/feed.xml", "/sitemap.xml"}) {
      var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), uri);
      assertFalse(
          r.bodyAsString().contains("<script>alert") || r.bodyAsString().contains("<img src=x"),
          uri);
      if (uri.startsWith("/feed"))
        assertTrue(r.bodyAsString().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), uri);
    }
    String page =
        portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).bodyAsString();
    for (String k :
        new String[] {"subtitle", "kicker", "body", "source", "author", "province", "tags"}) {
      assertTrue(page.contains(k + "&lt;script&gt;"), "public page shows " + k);
    }
  }

  @Test
  @DisplayName(
      "preview renders the unsaved draft with the public article template, storing nothing")
  void preview() throws Exception {
    String before = q("SELECT count(*) FROM articles");
    var r = alice.post("/editor/articles/preview", article("预览中的标题", "第一段。\n\n第二段 <b>粗体</b>。"));
    assertEquals(200, r.statusCode());
    String html = r.bodyAsString();
    assertTrue(html.contains("<article class=\"article\">") && html.contains("<h1>预览中的标题</h1>"));
    assertTrue(html.contains("<p>第一段。</p>") && html.contains("第二段 &lt;b&gt;粗体&lt;/b&gt;。"));
    assertTrue(html.contains("2025年3月") && html.contains("据《测试日报》"));
    assertEquals(before, q("SELECT count(*) FROM articles"));
  }

  @Test
  @DisplayName(
      "a missing title or an invalid date is answered 400 with the form kept, and nothing is stored")
  void badInput() throws Exception {
    String before = q("SELECT count(*) FROM articles");
    var r = alice.post("/editor/articles", article("", "正文保留"));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsString().contains("标题不能为空") && r.bodyAsString().contains("正文保留"));
    var d = alice.post("/editor/articles", DeskClient.form("title", "日期错", "date", "2024-13-45"));
    assertEquals(400, d.statusCode());
    assertTrue(d.bodyAsString().contains("日期无效"));
    assertEquals(before, q("SELECT count(*) FROM articles"));
    long longOne = create(article("长文章", "一段很长的正文。".repeat(6_000)));
    assertEquals(
        "48000",
        q("SELECT length(body) FROM articles WHERE id = " + longOne),
        "long bodies are fine");
    before = q("SELECT count(*) FROM articles");
    var huge = alice.post("/editor/articles", article("太大", "字".repeat(1_000_000)));
    assertEquals(413, huge.statusCode(), "forms are size-limited");
    assertEquals(
        400,
        alice
            .post("/editor/articles", article("太长", "字".repeat(ArticleInput.MAX_BODY + 1)))
            .statusCode());
    assertEquals(404, alice.get("/editor/articles/999999/edit").statusCode());
    assertEquals(404, alice.get("/editor/articles/abc/edit").statusCode());
  }

  @Test
  @DisplayName(
      "saving over someone else's newer save answers 409, shows both versions and overwrites nothing")
  void staleSave() throws Exception {
    long id = create(article("原标题", "原正文"));
    var mine = article("爱丽丝的标题", "爱丽丝的正文");
    mine.add("version", "1");
    var theirs = article("鲍勃的标题", "鲍勃的正文");
    theirs.add("version", "1");
    assertEquals(303, bob.post("/editor/articles/" + id, theirs).statusCode());
    var conflict = alice.post("/editor/articles/" + id, mine);
    assertEquals(409, conflict.statusCode());
    String html = conflict.bodyAsString();
    assertTrue(html.contains("鲍勃的正文") && html.contains("爱丽丝的正文"), "both versions shown");
    assertTrue(
        html.contains("name=\"version\" value=\"2\""),
        "re-submitting from here is a conscious choice");
    assertEquals("鲍勃的标题", q("SELECT title FROM articles WHERE id = " + id));
    assertEquals("2", q("SELECT version FROM articles WHERE id = " + id));
  }

  @Test
  @DisplayName("every save keeps a revision; restoring an old one saves it as the newest version")
  void revisions() throws Exception {
    long id = create(article("第一版", "第一版正文"));
    var second = article("第二版", "第二版正文");
    second.add("version", "1");
    assertEquals(303, alice.post("/editor/articles/" + id, second).statusCode());
    assertEquals("2", q("SELECT count(*) FROM article_revisions WHERE article_id = " + id));
    var page = alice.get("/editor/articles/" + id + "/revisions");
    assertTrue(page.bodyAsString().contains("第一版") && page.bodyAsString().contains("第二版"));
    var stale =
        alice.post(
            "/editor/articles/" + id + "/revisions/1/restore", DeskClient.form("version", "1"));
    assertEquals(409, stale.statusCode());
    var restore =
        alice.post(
            "/editor/articles/" + id + "/revisions/1/restore", DeskClient.form("version", "2"));
    assertEquals(303, restore.statusCode());
    assertEquals(
        "第一版|第一版正文|3",
        q("SELECT title || '|' || body || '|' || version FROM articles WHERE id = " + id));
    assertEquals("3", q("SELECT count(*) FROM article_revisions WHERE article_id = " + id));
    assertTrue(alice.get("/editor/audit").bodyAsString().contains("article.restore"));
  }

  @Test
  @DisplayName("editing seed content keeps the original as a revision, which can be restored")
  void seedRevision() throws Exception {
    String id = q("SELECT id FROM articles WHERE slug = 'lhasa-social-work-brand'");
    String original =
        q(
            "SELECT title || '|' || body || '|' || published_at || '|' || array_to_string(tags, ',') "
                + "FROM articles WHERE id = "
                + id);
    var edit = article("改过的拉萨报道", "改过的正文");
    edit.add("version", "1");
    // the seed is published: its text changes only with a declared change (issue 18)
    edit.add("change_kind", "update").add("change_note", "改写了标题和正文。");
    assertEquals(303, alice.post("/editor/articles/" + id, edit).statusCode());
    assertEquals(
        "1,2",
        q(
            "SELECT string_agg(version::text, ',' ORDER BY version) FROM article_revisions WHERE article_id = "
                + id));
    assertEquals(
        400,
        alice
            .post(
                "/editor/articles/" + id + "/revisions/1/restore", DeskClient.form("version", "2"))
            .statusCode(),
        "restoring over a published article also needs a declared change");
    assertEquals(
        303,
        alice
            .post(
                "/editor/articles/" + id + "/revisions/1/restore",
                DeskClient.form(
                    "version", "2", "change_kind", "correction", "change_note", "恢复原文。"))
            .statusCode());
    assertEquals(
        original,
        q(
            "SELECT title || '|' || body || '|' || published_at || '|' || array_to_string(tags, ',') "
                + "FROM articles WHERE id = "
                + id));
  }

  @Test
  @DisplayName(
      "publish shows the article publicly, unpublish hides it; scheduling publishes once the time has come")
  void publishAndSchedule() throws Exception {
    long id = create(article("定时发布的文章", "正文"));
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    assertTrue(slug.matches("\\d{8}-[a-z0-9]{6}"), slug);
    assertEquals(
        404, portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).statusCode());
    assertEquals(
        400,
        alice
            .post("/editor/articles/" + id + "/schedule", DeskClient.form("at", "2001-01-01T08:00"))
            .statusCode());
    assertEquals(
        303,
        alice
            .post("/editor/articles/" + id + "/schedule", DeskClient.form("at", "2099-01-01T08:00"))
            .statusCode());
    assertEquals("scheduled", q("SELECT status FROM articles WHERE id = " + id));
    assertTrue(alice.get("/editor/articles?status=scheduled").bodyAsString().contains("定时发布的文章"));
    assertEquals(0, new Scheduler(pool).publishDue().await(10, TimeUnit.SECONDS));
    portal
        .database()
        .exec("UPDATE articles SET scheduled_at = now() - interval '1 minute' WHERE id = " + id);
    // the portal's own timer may get there first: either way it is published exactly once
    new Scheduler(pool).publishDue().await(10, TimeUnit.SECONDS);
    new Scheduler(pool).publishDue().await(10, TimeUnit.SECONDS);
    assertEquals("published", q("SELECT status FROM articles WHERE id = " + id));
    assertEquals(
        "1",
        q(
            "SELECT count(*) FROM audit_log WHERE entity_id = "
                + id
                + " AND action = 'article.publish'"));
    assertEquals(
        200, portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).statusCode());
    assertEquals(
        "scheduler",
        q(
            "SELECT actor FROM audit_log WHERE entity_id = "
                + id
                + " AND action = 'article.publish'"));
    assertEquals(
        303, alice.post("/editor/articles/" + id + "/unpublish", DeskClient.form()).statusCode());
    assertEquals(
        404, portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).statusCode());
    assertTrue(
        Long.parseLong(
                q("SELECT count(*) FROM change_log WHERE entity = 'article' AND entity_id = " + id))
            >= 4,
        "every change went through the change log");
  }
}
