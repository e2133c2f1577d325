package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hole the hostile review found: every path that ends in a save of a published article, as a
 * contributor.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A contributor cannot change a published article by any path: 403 and nothing changed")
class ContributorOnPublishedTest {
  private static final String TAKEOVER = "撰稿人改写的标题";
  static TestPortal portal;
  static DeskClient writer;
  static DeskClient editor;
  static String token;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "writer", "contributor");
    DeskClient.addUser(portal.database(), "eddie", "editor");
    writer = DeskClient.login(portal, "writer");
    editor = DeskClient.login(portal, "eddie");
    token = ApiTokenFixture.create(portal, "writer");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  @Test
  @DisplayName(
      "desk form, API PUT, restoring a revision, and publish/unpublish/schedule with a trailing slash: all 403")
  void everyPathRefused() throws Exception {
    String id = q("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1");
    // an editor's save first, so there is a revision to restore
    var base = editor.get("/editor/articles/" + id + "/edit");
    assertEquals(200, base.statusCode());
    String version = q("SELECT version FROM articles WHERE id = " + id);
    String title = q("SELECT title FROM articles WHERE id = " + id);
    assertEquals(
        303,
        editor
            .post(
                "/editor/articles/" + id,
                DeskClient.form(
                    "version",
                    version,
                    "title",
                    title,
                    "body",
                    q("SELECT body FROM articles WHERE id = " + id),
                    "date",
                    "2025-01-01",
                    "date_precision",
                    "day",
                    "change_kind",
                    "typo"))
            .statusCode());
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    String before =
        q(
            "SELECT title || '|' || version || '|' || status || '|' || body FROM articles WHERE id = "
                + id);
    String revisions = q("SELECT count(*) FROM article_revisions WHERE article_id = " + id);
    String current = q("SELECT version FROM articles WHERE id = " + id);
    String oldest = q("SELECT min(version) FROM article_revisions WHERE article_id = " + id);

    assertEquals(
        403,
        writer
            .post(
                "/editor/articles/" + id,
                DeskClient.form(
                    "version",
                    current,
                    "title",
                    TAKEOVER,
                    "date",
                    "2025-01-01",
                    "date_precision",
                    "day"))
            .statusCode(),
        "desk form");
    assertEquals(
        403,
        writer
            .post(
                "/editor/articles/" + id + "/",
                DeskClient.form(
                    "version",
                    current,
                    "title",
                    TAKEOVER,
                    "date",
                    "2025-01-01",
                    "date_precision",
                    "day"))
            .statusCode(),
        "desk form with a trailing slash");
    var put =
        portal
            .client()
            .request(HttpMethod.PUT, "/api/editor/articles/" + id)
            .putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(
                new JsonObject().put("version", Integer.parseInt(current)).put("title", TAKEOVER))
            .await(30, TimeUnit.SECONDS);
    assertEquals(403, put.statusCode(), "API PUT");
    assertTrue(put.bodyAsJsonObject().getString("error").contains("撰稿人"), put.bodyAsString());
    assertEquals(
        403,
        writer
            .post(
                "/editor/articles/" + id + "/revisions/" + oldest + "/restore",
                DeskClient.form("version", current))
            .statusCode(),
        "restore a revision");
    for (String action : new String[] {"publish", "unpublish", "schedule"}) {
      assertEquals(
          403,
          writer
              .post(
                  "/editor/articles/" + id + "/" + action + "/",
                  DeskClient.form("at", "2099-01-01T08:00"))
              .statusCode(),
          action + "/");
      assertEquals(
          403,
          writer
              .post(
                  "/editor/articles/" + id + "/" + action,
                  DeskClient.form("at", "2099-01-01T08:00"))
              .statusCode(),
          action);
    }

    assertEquals(
        before,
        q(
            "SELECT title || '|' || version || '|' || status || '|' || body FROM articles WHERE id = "
                + id));
    assertEquals(revisions, q("SELECT count(*) FROM article_revisions WHERE article_id = " + id));
    String page =
        portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).bodyAsString();
    assertFalse(page.contains(TAKEOVER));
    var search =
        portal
            .client()
            .get("/api/search?q=" + java.net.URLEncoder.encode(TAKEOVER, "UTF-8"))
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsJsonObject();
    assertFalse(
        search.getJsonArray("hits").encode().contains(TAKEOVER),
        "the search index never saw the takeover");
    assertTrue(
        Integer.parseInt(
                q(
                    "SELECT count(*) FROM audit_log WHERE action = 'access.refused' AND actor = 'writer'"))
            >= 9,
        "every refusal is audited");
  }

  @Test
  @DisplayName(
      "a contributor may not change stations, residents' reports or accounts, even with a trailing slash")
  void stationsAndAccounts() throws Exception {
    String station = q("SELECT id FROM stations ORDER BY id LIMIT 1");
    String before = q("SELECT version || status FROM stations WHERE id = " + station);
    assertEquals(200, writer.get("/editor/stations").statusCode());
    assertEquals(
        403,
        writer
            .post("/editor/stations/" + station + "/status/", DeskClient.form("status", "closed"))
            .statusCode());
    assertEquals(
        403,
        writer.post("/editor/stations/" + station + "/verify", DeskClient.form()).statusCode());
    assertEquals(403, writer.get("/editor/users/").statusCode());
    assertEquals(403, writer.get("/editor/audit").statusCode());
    assertEquals(before, q("SELECT version || status FROM stations WHERE id = " + station));
  }
}
